// One open alert per run × rule (issue 14): a checkpoint that still matches keeps the open alert (no new
// delivery), one that matches with none open opens it, one that no longer matches resolves it.
export type TAlertTransition = { action: "open" } | { action: "keep" } | { action: "resolve"; alertId: string } | { action: "none" };

/** Decides what a settled checkpoint does to the run × rule alert; a resolved alert is never reopened, a new one opens. */
export function decideAlertTransition(matches: boolean, open: { id: string } | null): TAlertTransition {
  if (matches) return open ? { action: "keep" } : { action: "open" };
  return open ? { action: "resolve", alertId: open.id } : { action: "none" };
}
