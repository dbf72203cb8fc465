// When a running run counts as stalled. Pure and client-safe: the run page's header ticks with it in the
// browser, the changes endpoints answer with it, and a "no checkpoint for T minutes" alert rule can reuse it.

export const DEFAULT_STALLED_MINUTES = 15;

export type TRunLiveness = {
  status: "running" | "finished" | "failed";
  /** When the last batch of samples, judgments or metric points arrived (null: none since tracking began). */
  lastDataAt: string | null;
  /** The client's last "still training" call (POST …/heartbeat). */
  heartbeatAt: string | null;
  createdAt: string;
};

/** The newest sign that the training job is alive: its last data, its last heartbeat, else its creation. */
export function lastSignOfLife(run: TRunLiveness): string {
  return [run.lastDataAt, run.heartbeatAt, run.createdAt].filter((t): t is string => t !== null).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/**
 * A run is stalled when it still says `running` but has sent neither data nor a heartbeat for
 * `stalledMinutes`; a finished or failed run is never stalled. `now` is a parameter so a page can tick.
 */
export function isRunStalled(run: TRunLiveness, now: number, stalledMinutes: number): boolean {
  return run.status === "running" && now - Date.parse(lastSignOfLife(run)) >= stalledMinutes * 60_000;
}

/** `UNIGAP_STALLED_MINUTES` read by the server (a positive number of minutes; anything else is the default). */
export function parseStalledMinutes(raw: string | undefined): number {
  const minutes = Number(raw);
  return raw !== undefined && raw.trim() !== "" && Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_STALLED_MINUTES;
}
