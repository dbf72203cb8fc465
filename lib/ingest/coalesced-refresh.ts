import "server-only";

// A per-key background refresh that is coalesced, debounced and never overlaps itself: every
// `schedule(key)` pushes the refresh back by `delayMs`, but never beyond `maxWaitMs` after the first
// unserved call, so a key written to without pause is still refreshed regularly. A failed refresh is
// logged; the next schedule retries it. A refresh that answers RETRY_LATER (another server holds its
// lock) is scheduled again. State lives on globalThis: Next.js may load a module twice.

export const RETRY_LATER: unique symbol = Symbol("retry later");

type TEntry = { timer: NodeJS.Timeout | null; firstAt: number; running: Promise<void> | null; again: boolean };

export type TCoalescedRefresh = {
  schedule(key: string): void;
  /** Runs what is scheduled now and waits until nothing is scheduled or running (tests, shutdown). */
  flush(): Promise<void>;
};

/** `delays` is read at every schedule, so configuration from the environment can change at run time. */
export function createCoalescedRefresh(
  name: string,
  refresh: (key: string) => Promise<unknown>,
  delays: () => { delayMs: number; maxWaitMs: number },
): TCoalescedRefresh {
  const stateKey = Symbol.for(`unigap.coalescedRefresh.${name}`);
  const pending = ((globalThis as Record<symbol, Map<string, TEntry>>)[stateKey] ??= new Map());

  function schedule(key: string): void {
    const entry = pending.get(key) ?? { timer: null, firstAt: Date.now(), running: null, again: false };
    pending.set(key, entry);
    if (entry.running) {
      entry.again = true;
      return;
    }
    if (entry.timer) clearTimeout(entry.timer);
    else entry.firstAt = Date.now();
    const { delayMs, maxWaitMs } = delays();
    const wait = Math.max(0, Math.min(delayMs, entry.firstAt + maxWaitMs - Date.now()));
    entry.timer = setTimeout(() => start(key, entry), wait);
    entry.timer.unref?.();
  }

  function start(key: string, entry: TEntry): void {
    entry.timer = null;
    entry.again = false;
    entry.running = refresh(key)
      .then((result) => {
        if (result === RETRY_LATER) entry.again = true;
      })
      .catch((error: unknown) => console.error(`[unigap] ${name} of ${key} failed`, error))
      .finally(() => {
        entry.running = null;
        if (entry.again) schedule(key);
        else if (!entry.timer) pending.delete(key);
      });
  }

  async function flush(): Promise<void> {
    for (;;) {
      const entries = [...pending.entries()];
      if (entries.length === 0) return;
      for (const [key, entry] of entries) {
        if (entry.timer) {
          clearTimeout(entry.timer);
          start(key, entry);
        }
        await entry.running;
      }
    }
  }

  return { schedule, flush };
}
