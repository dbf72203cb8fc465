import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

const { findMalformedUrlPart } = createRequire(import.meta.url)("./http-guard.cjs") as { findMalformedUrlPart: (url: string) => string | null };

describe("findMalformedUrlPart (scripts/http-guard.cjs)", () => {
  it("accepts well-formed URLs, encoded or not", () => {
    expect(findMalformedUrlPart("/api/v1/runs?name=caf%C3%A9&tag=a+b")).toBeNull();
    expect(findMalformedUrlPart("/share/ugs_abc")).toBeNull();
    expect(findMalformedUrlPart("/api/v1/runs?x&y=")).toBeNull();
  });

  it("names the query parameter whose value is not UTF-8", () => {
    expect(findMalformedUrlPart("/api/v1/runs?limit=5&name=a%ED%A0%80b")).toBe("name");
    expect(findMalformedUrlPart("/api/v1/runs?name=%FF")).toBe("name");
    expect(findMalformedUrlPart("/api/v1/runs?%FF=1")).toBe("(query)");
  });

  it("refuses a path that is not UTF-8", () => {
    expect(findMalformedUrlPart("/share/ugs_%ED%A0%80")).toBe("path");
  });
});
