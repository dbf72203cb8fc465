import "server-only";

// Image responses: ETag = the blob's sha256 (plus the variant), immutable when the URL names that
// hash (`?v=`), otherwise revalidated; private because reading a sample needs authorization.

type TImageBody = Buffer | { stream: ReadableStream<Uint8Array>; size: number };

export function imageResponse(req: Request, image: { sha256: string; mediaType: string; bytes: TImageBody }, variant: string): Response {
  const etag = `"${image.sha256}${variant ? `-${variant}` : ""}"`;
  const version = new URL(req.url).searchParams.get("v");
  const headers: Record<string, string> = {
    etag,
    "content-type": image.mediaType,
    "cache-control": version === image.sha256 ? "private, max-age=31536000, immutable" : "private, no-cache",
  };
  const match = req.headers.get("if-none-match");
  const body = image.bytes;
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    if (!Buffer.isBuffer(body)) void body.stream.cancel();
    return new Response(null, { status: 304, headers });
  }
  if (!Buffer.isBuffer(body)) return new Response(body.stream, { status: 200, headers: { ...headers, "content-length": String(body.size) } });
  return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, "content-length": String(body.byteLength) } });
}
