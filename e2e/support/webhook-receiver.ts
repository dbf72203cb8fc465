// A local webhook receiver for the alert specs: records every request (headers and the raw body) and
// answers 500 to the first `failFirst` of them; with `hang` it reads each request and never answers
// (the connection stays open until the sender gives up or the receiver closes).
import http from "node:http";
import type { AddressInfo } from "node:net";

/** `answered` is the status sent back, 0 when the receiver hangs. */
export type TReceived = { headers: http.IncomingHttpHeaders; body: string; answered: number };

export type TReceiver = { url: string; received: TReceived[]; close(): Promise<void> };

export async function startReceiver(options: { failFirst?: number; hang?: boolean } = {}): Promise<TReceiver> {
  const received: TReceived[] = [];
  let failures = options.failFirst ?? 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (options.hang) {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), answered: 0 });
        return;
      }
      const answered = failures > 0 ? 500 : 204;
      if (failures > 0) failures--;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), answered });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
