import "server-only";

import { AppError } from "@/lib/errors";

import { parseByteRange, rangeHeaderFor, type TByteRange } from "./byte-range";

// Image responses: ETag = the blob's sha256 (plus the variant), immutable when the URL names that
// hash (`?v=`), otherwise revalidated; private because reading a sample needs authorization.
// One byte range is served (206 with Content-Range; 416 past the end), on originals straight from
// the object store's ranged read (a file slice, or a ranged GetObject), on thumbnails from memory.

/** A thumbnail in memory, or an original of `size` bytes opened (whole or one range) only when sent. */
export type TImageBody = Buffer | { size: number; open(range: TByteRange | null): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null> };

export async function imageResponse(req: Request, image: { sha256: string; mediaType: string; bytes: TImageBody }, variant: string): Promise<Response> {
  const etag = `"${image.sha256}${variant ? `-${variant}` : ""}"`;
  const version = new URL(req.url).searchParams.get("v");
  const headers: Record<string, string> = {
    etag,
    "content-type": image.mediaType,
    "cache-control": version === image.sha256 ? "private, max-age=31536000, immutable" : "private, no-cache",
    "accept-ranges": "bytes",
  };
  const match = req.headers.get("if-none-match");
  const body = image.bytes;
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  const total = Buffer.isBuffer(body) ? body.byteLength : body.size;
  const range = parseByteRange(rangeHeaderFor(req, etag), total);
  if (range === "unsatisfiable") {
    throw new AppError(
      "RANGE_NOT_SATISFIABLE",
      `The image has ${total} bytes; the requested range starts past its end.`,
      { size: total },
      {
        "content-range": `bytes */${total}`,
      },
    );
  }
  const status = range ? 206 : 200;
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${total}`;
  if (Buffer.isBuffer(body)) {
    const bytes = range ? body.subarray(range.start, range.end + 1) : body;
    return new Response(new Uint8Array(bytes), { status, headers: { ...headers, "content-length": String(bytes.byteLength) } });
  }
  const object = await body.open(range);
  if (!object) throw new AppError("NOT_FOUND", `The image file ${image.sha256} is missing from storage.`);
  return new Response(object.body, { status, headers: { ...headers, "content-length": String(object.size) } });
}
