-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("bucket","key")
);

-- CreateTable
CREATE TABLE "seed_jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "scenario" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "log" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "result" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seed_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rate_limit_buckets_updated_at_idx" ON "rate_limit_buckets"("updated_at");

-- CreateIndex
CREATE INDEX "seed_jobs_status_idx" ON "seed_jobs"("status");
