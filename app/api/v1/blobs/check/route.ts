import { ZCheckBlobsRequest } from "@/lib/api/contracts/blobs";
import { apiRoute } from "@/lib/http/route";
import { findMissingBlobs } from "@/lib/ingest/blob-service";

export const dynamic = "force-dynamic";

// POST /api/v1/blobs/check — which of these images still need uploading (one request instead of N HEADs).
export const POST = apiRoute({ auth: "apiKey", body: ZCheckBlobsRequest }, async ({ actor, body }) => ({
  missing: await findMissingBlobs(actor, body.sha256),
}));
