import { describe, expect, it } from "vitest";

import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/p/demo", "/p/demo"],
    [undefined, "/projects"],
    ["https://evil.example/", "/projects"],
    ["//evil.example/", "/projects"],
    ["/\\evil.example", "/projects"],
    ["javascript:alert(1)", "/projects"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });
});
