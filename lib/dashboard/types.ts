// What dashboard pages hand to their client components. Pure types.
import type { TCheckpointSummary, TRunSummary } from "@/lib/metrics/summary-types";

/** A run's summary for the panels, plus the baseline checkpoint it is measured against. */
export type TSummaryBundle = {
  runId: string;
  runName: string;
  summary: TRunSummary;
  baselineCheckpoint: TCheckpointSummary | null;
  baselineNote: string | null;
};

/** Panels render a failed result as their error state; the page itself never fails because of a summary. */
export type TSummaryResult = { ok: true; bundle: TSummaryBundle } | { ok: false; runId: string; runName: string; code: string; message: string };
