// The demo's sign-in details, written next to the data (mode 0600) when the seed creates the demo account.
import "server-only";

import fs from "node:fs";
import path from "node:path";

import type { TDemoCredentials } from "./demo";

export function writeDemoCredentials(dataDir: string, credentials: TDemoCredentials): string {
  const file = path.join(dataDir, "demo-credentials.json");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}
