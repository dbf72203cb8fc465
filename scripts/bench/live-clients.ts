// The viewers of `npm run bench:live`, in a process of their own so their CPU is not counted as the
// server's: BENCH_MODE=poll asks `…/poll?since=v` every BENCH_INTERVAL_MS (staggered, as open tabs
// are), BENCH_MODE=sse holds one event stream each. Prints one JSON line of counts when stopped.
import http from "node:http";

const mode = process.env.BENCH_MODE ?? "poll";
const url = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:0");
const viewers = Number(process.env.BENCH_VIEWERS ?? 100);
const intervalMs = Number(process.env.BENCH_INTERVAL_MS ?? 5000);
// BENCH_PATH points the pollers at a real server's endpoint (e.g. /api/v1/runs/<id>/changes) instead of the bench's own.
const pollPath = process.env.BENCH_PATH ?? "/poll";
const headers = { authorization: `Bearer ${process.env.BENCH_KEY ?? ""}` };
const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(1, viewers) });
let requests = 0;
let changes = 0;
let errors = 0;

function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: url.hostname, port: url.port, path, headers, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on("error", reject);
  });
}

function startPoller(index: number): void {
  let version = "";
  const poll = async () => {
    try {
      const answer = JSON.parse(await get(version ? `${pollPath}?since=${version}` : pollPath)) as { version: string; changed: boolean };
      requests++;
      if (answer.changed && version !== "") changes++;
      version = answer.version;
    } catch {
      errors++;
    }
  };
  setTimeout(
    () => {
      void poll();
      setInterval(() => void poll(), intervalMs);
    },
    (index * intervalMs) / viewers,
  );
}

function startStream(): void {
  const req = http.get({ host: url.hostname, port: url.port, path: "/sse", headers }, (res) => {
    requests++;
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => (changes += chunk.split("\n").filter((line) => line.startsWith("data:")).length));
  });
  req.on("error", () => errors++);
}

for (let i = 0; i < viewers; i++) {
  if (mode === "sse") startStream();
  else startPoller(i);
}
process.on("SIGTERM", () => {
  console.log(JSON.stringify({ requests, changes, errors }));
  process.exit(0);
});
