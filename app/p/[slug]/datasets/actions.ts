"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { buildDataset, previewDataset } from "@/lib/datasets/service";
import { ZDatasetFormRequest } from "@/lib/validation/datasets";

// The build form: the live preview (the recipe applied, nothing stored) and the build, through the
// same service as POST /api/v1/runs/{runId}/datasets[/preview] (viewers preview, editors build).

export const previewDatasetAction = userAction(ZDatasetFormRequest, async ({ runId, recipe }, { actor }) => previewDataset(actor, runId, recipe));

export const buildDatasetAction = userAction(ZDatasetFormRequest, async ({ runId, recipe }, { actor }) => {
  const dataset = await buildDataset(actor, runId, recipe);
  revalidatePath("/p/[slug]/datasets", "page");
  return { id: dataset.id, created: dataset.created ?? false };
});
