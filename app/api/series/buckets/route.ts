import { apiRoute } from "@/lib/http/route";
import { getDensePanel } from "@/lib/series/service";
import { ZDenseSeriesQuery } from "@/lib/series/types";

export const dynamic = "force-dynamic";

// GET /api/series/buckets?runs=a,b&key=train/loss[&from=&to=&buckets=] — one dense-curve panel:
// every run on one bucket grid (min, max, last per bucket), at most 1,500 buckets per run.
export const GET = apiRoute({ auth: "any", query: ZDenseSeriesQuery }, ({ actor, query }) => getDensePanel(actor, query));
