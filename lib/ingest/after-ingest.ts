import "server-only";

/**
 * Runs after a batch of samples or judgments has committed. Checkpoints are already written inside
 * the batch's own transaction (so they are atomic with it); the runs table's cached figures
 * (run_stats) are derived by the metrics engine: `refreshRunStat(runId)` from lib/metrics is called
 * here once that engine is merged. Keep this the single call site.
 */
export async function afterSamplesIngested(runId: string): Promise<void> {
  void runId;
}
