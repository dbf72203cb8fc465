import { z } from "zod";

import { apiRoute } from "@/lib/http/route";
import { getSeedJob, startSeedJob } from "@/lib/system/seed-jobs";

export const dynamic = "force-dynamic";

const ADMIN_HEADER = "x-unigap-admin-token";
const ZStartSeed = z.object({ scenario: z.string().min(1).max(64) });
const ZSeedJobQuery = z.object({ job: z.uuid() });

// POST /api/internal/seed — `npm run seed` asks a running embedded server to seed a scenario (202 + job).
export const POST = apiRoute({ auth: "public", body: ZStartSeed, maxBodyBytes: 1024 }, async ({ req, body }) =>
  Response.json(await startSeedJob(req.headers.get(ADMIN_HEADER), body.scenario), { status: 202 }),
);

// GET /api/internal/seed?job=<id> — the job's status, log and result.
export const GET = apiRoute({ auth: "public", query: ZSeedJobQuery }, async ({ req, query }) => getSeedJob(req.headers.get(ADMIN_HEADER), query.job));
