import { apiRoute } from "@/lib/http/route";
import { countRowsOfEveryTable } from "@/lib/system/row-counts";

export const dynamic = "force-dynamic";

// GET /api/internal/row-counts — every table's row count, for the hostile-input specs only
// (UNIGAP_TEST_ROW_COUNTS=1 and the admin token; 404 otherwise).
export const GET = apiRoute({ auth: "public" }, async ({ req }) => Response.json(await countRowsOfEveryTable(req.headers.get("x-unigap-admin-token"))));
