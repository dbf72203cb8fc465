import { ZDatasetRecipe, ZRunDatasetParams } from "@/lib/api/contracts/datasets";
import { previewDataset } from "@/lib/datasets/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/runs/{runId}/datasets/preview — the recipe applied to a construction round, nothing stored.
export const POST = apiRoute({ auth: "any", params: ZRunDatasetParams, body: ZDatasetRecipe }, ({ actor, params, body }) =>
  previewDataset(actor, params.runId, body),
);
