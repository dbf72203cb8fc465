import { ZDatasetParams } from "@/lib/api/contracts/datasets";
import { getDataset } from "@/lib/datasets/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/datasets/{datasetId} — the recipe, counts, gate, risk and ledger of a built dataset.
export const GET = apiRoute({ auth: "any", params: ZDatasetParams }, ({ actor, params }) => getDataset(actor, params.datasetId));
