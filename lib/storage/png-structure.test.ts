import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { isCompletePng } from "./png-structure";

describe("isCompletePng", () => {
  it("accepts a whole PNG (trailing bytes after IEND too) and refuses every cut of it", async () => {
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    expect(isCompletePng(bytes)).toBe(true);
    expect(isCompletePng(Buffer.concat([bytes, Buffer.from("trailer")]))).toBe(true);
    for (let cut = 0; cut < bytes.length; cut++) expect(isCompletePng(bytes.subarray(0, cut))).toBe(false);
  });
});
