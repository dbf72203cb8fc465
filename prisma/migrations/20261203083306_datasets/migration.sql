-- CreateEnum
CREATE TYPE "dataset_kind" AS ENUM ('sft', 'dpo');

-- AlterEnum
ALTER TYPE "sample_role" ADD VALUE 'candidate';

-- CreateTable
CREATE TABLE "datasets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "dataset_kind" NOT NULL,
    "source_run_id" UUID NOT NULL,
    "source_step" INTEGER NOT NULL,
    "previous_id" UUID,
    "round" INTEGER NOT NULL DEFAULT 0,
    "recipe" JSONB NOT NULL,
    "resolved_recipe" JSONB NOT NULL,
    "judge" TEXT NOT NULL,
    "item_count" INTEGER NOT NULL,
    "pool_count" INTEGER NOT NULL,
    "counts" JSONB NOT NULL,
    "gate" JSONB NOT NULL,
    "at_risk" BOOLEAN NOT NULL,
    "risk_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "risk_acknowledged_at" TIMESTAMP(3),
    "ledger" JSONB NOT NULL DEFAULT '[]',
    "content_hash" CHAR(64) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_items" (
    "dataset_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sample_id" BIGINT NOT NULL,
    "rejected_sample_id" BIGINT,
    "prompt_id" UUID NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "dataset_items_pkey" PRIMARY KEY ("dataset_id","position")
);

-- CreateTable
CREATE TABLE "dataset_pool_prompts" (
    "dataset_id" UUID NOT NULL,
    "prompt_id" UUID NOT NULL,

    CONSTRAINT "dataset_pool_prompts_pkey" PRIMARY KEY ("dataset_id","prompt_id")
);

-- CreateTable
CREATE TABLE "run_trained_on" (
    "run_id" UUID NOT NULL,
    "dataset_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "run_trained_on_pkey" PRIMARY KEY ("run_id","dataset_id")
);

-- CreateTable
CREATE TABLE "dataset_settings" (
    "project_id" UUID NOT NULL,
    "precision_threshold" DOUBLE PRECISION NOT NULL DEFAULT 0.6,

    CONSTRAINT "dataset_settings_pkey" PRIMARY KEY ("project_id")
);

-- CreateIndex
CREATE INDEX "datasets_project_id_created_at_idx" ON "datasets"("project_id", "created_at");

-- CreateIndex
CREATE INDEX "datasets_source_run_id_idx" ON "datasets"("source_run_id");

-- CreateIndex
CREATE UNIQUE INDEX "datasets_project_id_content_hash_key" ON "datasets"("project_id", "content_hash");

-- CreateIndex
CREATE INDEX "run_trained_on_dataset_id_idx" ON "run_trained_on"("dataset_id");

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_source_run_id_fkey" FOREIGN KEY ("source_run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "datasets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_items" ADD CONSTRAINT "dataset_items_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_pool_prompts" ADD CONSTRAINT "dataset_pool_prompts_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_trained_on" ADD CONSTRAINT "run_trained_on_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_trained_on" ADD CONSTRAINT "run_trained_on_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "datasets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_settings" ADD CONSTRAINT "dataset_settings_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
