// HTTP Range requests (RFC 9110 §14) on the image routes: one byte range ("bytes=0-99", "bytes=100-",
// "bytes=-500"). Several ranges, another unit or a malformed header are ignored and the whole image is
// sent (the RFC allows a server to ignore Range); a range starting past the end is unsatisfiable (416).

export type TByteRange = { start: number; end: number };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/** The inclusive range to send, null for the whole representation, or "unsatisfiable". */
export function parseByteRange(header: string | null | undefined, size: number): TByteRange | null | "unsatisfiable" {
  const match = header?.trim().match(SINGLE);
  if (!match) return null;
  const [, first, last] = match;
  if (!first && !last) return null;
  if (!first) {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  const end = last ? Number(last) : size - 1;
  return { start, end: Math.min(end, size - 1) };
}

/** Range applies only when If-Range (if sent) still names this representation's ETag. */
export function rangeHeaderFor(req: Request, etag: string): string | null {
  const ifRange = req.headers.get("if-range");
  if (ifRange && ifRange.trim() !== etag) return null;
  return req.headers.get("range");
}
