import { ZDatasetParams, ZExportQuery } from "@/lib/api/contracts/datasets";
import { exportDataset } from "@/lib/datasets/export";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/datasets/{datasetId}/export — a streamed .tar (or ?format=tar.gz) for the trainer.
export const GET = apiRoute({ auth: "any", params: ZDatasetParams, query: ZExportQuery }, async ({ actor, params, query }) => {
  const gzip = query.format === "tar.gz";
  const { body, fileName } = await exportDataset(actor, params.datasetId, { gzip, acknowledgeRisk: query.acknowledgeRisk === "true" });
  return new Response(body, {
    headers: { "content-type": gzip ? "application/gzip" : "application/x-tar", "content-disposition": `attachment; filename="${fileName}"` },
  });
});
