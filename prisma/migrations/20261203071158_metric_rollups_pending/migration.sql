-- AlterTable
ALTER TABLE "run_metric_keys" ADD COLUMN     "pending_from" INTEGER,
ADD COLUMN     "pending_seq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pending_to" INTEGER;
