import { ZBlobParams, ZConfirmBlobRequest } from "@/lib/api/contracts/blobs";
import { apiRoute } from "@/lib/http/route";
import { confirmBlobUpload } from "@/lib/ingest/blob-service";

export const dynamic = "force-dynamic";

// POST /api/v1/blobs/{sha256}/confirm — after a direct upload to the presigned URL: the server verifies
// the object (size, sha256, image) and records it; 201 when stored now, 200 when already there.
export const POST = apiRoute({ auth: "apiKey", params: ZBlobParams, body: ZConfirmBlobRequest }, async ({ actor, params, body }) => {
  const blob = await confirmBlobUpload(actor, params.sha256, body);
  return Response.json(blob, { status: blob.created ? 201 : 200 });
});
