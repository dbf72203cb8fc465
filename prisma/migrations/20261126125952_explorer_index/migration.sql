-- CreateIndex
CREATE INDEX "samples_explorer_idx" ON "samples"("run_id", "step", "id");
