import { ZAuditQuery, ZRunRef } from "@/lib/api/contracts/analysis";
import { getSupervisionAudit } from "@/lib/metrics/supervision-audit-service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId}/audit — the supervision audit of the run's training data: SFT precision
// and DPO pair agreement against an independent judge (lib/api/contracts/analysis.ts).
export const GET = apiRoute({ auth: "any", params: ZRunRef, query: ZAuditQuery }, ({ actor, params, query }) =>
  getSupervisionAudit(actor, params.runId, query),
);
