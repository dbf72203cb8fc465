import { ZCheckBlobsRequest } from "@/lib/api/contracts/blobs";
import { apiRoute } from "@/lib/http/route";
import { findMissingBlobs } from "@/lib/ingest/blob-service";

export const dynamic = "force-dynamic";

// POST /api/v1/blobs/check — which of these images still need uploading (one request instead of N HEADs);
// with object storage, a presigned PUT URL for each (then POST /api/v1/blobs/{sha256}/confirm).
export const POST = apiRoute({ auth: "apiKey", body: ZCheckBlobsRequest }, async ({ actor, body }) => findMissingBlobs(actor, body.sha256));
