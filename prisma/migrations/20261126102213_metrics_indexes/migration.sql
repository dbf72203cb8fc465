-- CreateIndex
CREATE INDEX "judgments_metrics_idx" ON "judgments"("run_id", "step", "sample_id", "kind", "judge", "judge_step", "verdict", "score");

-- CreateIndex
CREATE INDEX "samples_metrics_idx" ON "samples"("run_id", "step", "id", "benchmark", "subtask", "prompt_id");
