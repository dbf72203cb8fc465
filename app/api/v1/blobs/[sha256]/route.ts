import { ZBlobParams } from "@/lib/api/contracts/blobs";
import { apiRoute, readBodyBytes } from "@/lib/http/route";
import { hasBlob, uploadBlob } from "@/lib/ingest/blob-service";
import { BLOB_LIMITS } from "@/lib/storage/blob-store";

export const dynamic = "force-dynamic";

// PUT /api/v1/blobs/{sha256} — the raw image bytes; 201 when stored now, 200 when already there.
export const PUT = apiRoute({ auth: "apiKey", params: ZBlobParams }, async ({ actor, params, req }) => {
  const blob = await uploadBlob(actor, params.sha256, await readBodyBytes(req, BLOB_LIMITS.maxBytes));
  return Response.json(blob, { status: blob.created ? 201 : 200 });
});

// HEAD /api/v1/blobs/{sha256} — 200 when stored, 404 when it still needs uploading.
export const HEAD = apiRoute({ auth: "any", params: ZBlobParams }, async ({ actor, params }) => {
  return new Response(null, { status: (await hasBlob(actor, params.sha256)) ? 200 : 404 });
});
