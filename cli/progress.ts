import cliProgress from "cli-progress";

// A progress bar on stderr for people; nothing at all for machines (--json, pipes, CI logs).

export type TProgressBar = { start(total: number, label: string): void; advance(n: number): void; stop(): void };

export function createProgress(enabled: boolean): TProgressBar {
  if (!enabled || !process.stderr.isTTY) return { start() {}, advance() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: " {label} [{bar}] {value}/{total} {percentage}% · {eta_formatted} left", stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    start(total, label) {
      if (running) bar.stop();
      bar.start(total, 0, { label });
      running = true;
    },
    advance(n) {
      if (running) bar.increment(n);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
