import { ZDatasetRecipe, ZRunDatasetParams } from "@/lib/api/contracts/datasets";
import { buildDataset } from "@/lib/datasets/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/runs/{runId}/datasets — builds the dataset (201), or returns the identical one (200).
export const POST = apiRoute({ auth: "any", params: ZRunDatasetParams, body: ZDatasetRecipe }, async ({ actor, params, body }) => {
  const dataset = await buildDataset(actor, params.runId, body);
  return Response.json(dataset, { status: dataset.created ? 201 : 200 });
});
