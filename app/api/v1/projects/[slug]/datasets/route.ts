import { ZProjectDatasetParams } from "@/lib/api/contracts/datasets";
import { listDatasets } from "@/lib/datasets/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/datasets — the project's datasets, newest first.
export const GET = apiRoute({ auth: "any", params: ZProjectDatasetParams }, ({ actor, params }) => listDatasets(actor, params.slug));
