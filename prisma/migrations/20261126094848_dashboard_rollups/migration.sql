-- CreateTable
CREATE TABLE "metric_rollups" (
    "run_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "block" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "non_finite" INTEGER NOT NULL,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "last_step" INTEGER NOT NULL,
    "last_value" DOUBLE PRECISION NOT NULL,
    "last_wall" TIMESTAMP(3),

    CONSTRAINT "metric_rollups_pkey" PRIMARY KEY ("run_id","key","width","block")
);

-- CreateIndex
CREATE INDEX "run_stats_benchmarks_idx" ON "run_stats" USING GIN ("benchmarks");

-- AddForeignKey
ALTER TABLE "metric_rollups" ADD CONSTRAINT "metric_rollups_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: roll up the points that exist already (levels 16, 256 and 4096 steps; see lib/series/rollup-repository.ts).
INSERT INTO "metric_rollups" ("run_id", "key", "width", "block", "count", "non_finite", "min", "max", "last_step", "last_value", "last_wall")
SELECT "run_id", "key", 16, "step" >> 4, count(*)::int,
       count(*) FILTER (WHERE "value" IN ('NaN', 'Infinity', '-Infinity'))::int,
       min("value") FILTER (WHERE "value" NOT IN ('NaN', 'Infinity', '-Infinity')),
       max("value") FILTER (WHERE "value" NOT IN ('NaN', 'Infinity', '-Infinity')),
       max("step"), (array_agg("value" ORDER BY "step" DESC))[1], (array_agg("wall_time" ORDER BY "step" DESC))[1]
FROM "metric_points" GROUP BY "run_id", "key", "step" >> 4;

INSERT INTO "metric_rollups" ("run_id", "key", "width", "block", "count", "non_finite", "min", "max", "last_step", "last_value", "last_wall")
SELECT "run_id", "key", 256, "block" >> 4, sum("count")::int, sum("non_finite")::int, min("min"), max("max"), max("last_step"),
       (array_agg("last_value" ORDER BY "last_step" DESC))[1], (array_agg("last_wall" ORDER BY "last_step" DESC))[1]
FROM "metric_rollups" WHERE "width" = 16 GROUP BY "run_id", "key", "block" >> 4;

INSERT INTO "metric_rollups" ("run_id", "key", "width", "block", "count", "non_finite", "min", "max", "last_step", "last_value", "last_wall")
SELECT "run_id", "key", 4096, "block" >> 4, sum("count")::int, sum("non_finite")::int, min("min"), max("max"), max("last_step"),
       (array_agg("last_value" ORDER BY "last_step" DESC))[1], (array_agg("last_wall" ORDER BY "last_step" DESC))[1]
FROM "metric_rollups" WHERE "width" = 256 GROUP BY "run_id", "key", "block" >> 4;
