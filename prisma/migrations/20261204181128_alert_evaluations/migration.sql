-- CreateTable
CREATE TABLE "alert_evaluations" (
    "run_id" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "evaluated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_evaluations_pkey" PRIMARY KEY ("run_id","step")
);

-- AddForeignKey
ALTER TABLE "alert_evaluations" ADD CONSTRAINT "alert_evaluations_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
