// Checks the image routes' Range handling against whichever object store the test installed (the
// local folder or s3rver): the response is built exactly as the image route builds it.
import { expect } from "vitest";

import { isAppError } from "@/lib/errors";
import { imageResponse } from "@/lib/http/image-response";

import { findBlob, readBlobObject } from "../blob-store";

export async function expectRangedImageResponses(sha256: string, bytes: Uint8Array): Promise<void> {
  const row = (await findBlob(sha256))!;
  const n = bytes.length;
  const image = {
    sha256,
    mediaType: row.mediaType,
    bytes: { size: row.byteSize, open: (range: { start: number; end: number } | null) => readBlobObject(sha256, range ?? undefined) },
  };
  const get = (headers: Record<string, string>) => imageResponse(new Request("http://127.0.0.1/img", { headers }), image, "");
  const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

  const whole = await get({});
  expect(whole.status).toBe(200);
  expect(whole.headers.get("accept-ranges")).toBe("bytes");
  expect((await body(whole)).equals(Buffer.from(bytes))).toBe(true);

  const part = await get({ range: "bytes=8-23" });
  expect(part.status).toBe(206);
  expect(part.headers.get("content-range")).toBe(`bytes 8-23/${n}`);
  expect(part.headers.get("content-length")).toBe("16");
  expect((await body(part)).equals(Buffer.from(bytes.subarray(8, 24)))).toBe(true);

  const tail = await get({ range: "bytes=-10" });
  expect(tail.status).toBe(206);
  expect(tail.headers.get("content-range")).toBe(`bytes ${n - 10}-${n - 1}/${n}`);
  expect((await body(tail)).equals(Buffer.from(bytes.subarray(n - 10)))).toBe(true);

  const open = await get({ range: `bytes=${n - 5}-` });
  expect(open.headers.get("content-range")).toBe(`bytes ${n - 5}-${n - 1}/${n}`);
  expect((await body(open)).length).toBe(5);

  const error = await get({ range: `bytes=${n}-` }).catch((e: unknown) => e);
  expect(isAppError(error) && error.status).toBe(416);
  expect(isAppError(error) && error.headers?.["content-range"]).toBe(`bytes */${n}`);

  // If-Range naming another version: the whole image, not a slice of a different one.
  const stale = await get({ range: "bytes=0-9", "if-range": '"0000"' });
  expect(stale.status).toBe(200);
  await stale.body?.cancel();
}
