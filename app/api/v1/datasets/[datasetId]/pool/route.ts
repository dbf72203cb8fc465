import { ZDatasetParams } from "@/lib/api/contracts/datasets";
import { getDatasetPool } from "@/lib/datasets/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/datasets/{datasetId}/pool — the discard pool's prompts, for training code to re-sample.
export const GET = apiRoute({ auth: "any", params: ZDatasetParams }, ({ actor, params }) => getDatasetPool(actor, params.datasetId));
