import { z } from "zod";

import { ZDatasetRecipe } from "@/lib/api/contracts/datasets";

// Contracts of the datasets pages' server actions (client-safe): the build form's preview and build
// take the API's recipe as it is; the project setting is a fraction between 0 and 1.

export const ZDatasetFormRequest = z.object({ runId: z.uuid(), recipe: ZDatasetRecipe }).strict();

export const ZSetPrecisionThreshold = z
  .object({
    projectId: z.uuid(),
    threshold: z
      .number({ error: "The precision threshold is a number." })
      .min(0, "The precision threshold is at least 0.")
      .max(1, "The precision threshold is at most 1 (a fraction, not a percentage)."),
  })
  .strict();
