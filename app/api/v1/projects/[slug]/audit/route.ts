import { ZAuditLogParams, ZAuditLogQuery } from "@/lib/api/contracts/audit";
import { getAuditLog } from "@/lib/audit/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/audit — the project's audit log, newest first, 50 a page (owners and admin keys).
export const GET = apiRoute({ auth: "any", params: ZAuditLogParams, query: ZAuditLogQuery }, ({ actor, params, query }) =>
  getAuditLog(actor, params.slug, query),
);
