declare module "s3rver" {
  import type { Server } from "node:http";

  type TOptions = { address?: string; port?: number; silent?: boolean; directory: string; configureBuckets?: { name: string; configs?: string[] }[] };
  export default class S3rver {
    constructor(options: TOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    httpServer?: Server;
  }
}
