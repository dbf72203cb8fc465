-- CreateIndex
CREATE INDEX "judgments_run_id_kind_judge_idx" ON "judgments"("run_id", "kind", "judge");
