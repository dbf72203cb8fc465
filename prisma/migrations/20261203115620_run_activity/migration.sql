-- CreateTable
CREATE TABLE "run_activity" (
    "run_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "version" BIGSERIAL NOT NULL,
    "last_data_at" TIMESTAMP(3),

    CONSTRAINT "run_activity_pkey" PRIMARY KEY ("run_id")
);

-- CreateIndex
CREATE INDEX "run_activity_project_id_version_idx" ON "run_activity"("project_id", "version");

-- AddForeignKey
ALTER TABLE "run_activity" ADD CONSTRAINT "run_activity_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run_activity" ADD CONSTRAINT "run_activity_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
