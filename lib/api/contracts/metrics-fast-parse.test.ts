import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ZLogMetricsRequest } from "./metrics";
import { parseLogMetricsRequest } from "./metrics-fast-parse";

const outcome = (parse: () => unknown) => {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
};

const anyValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "nan", "", "1"),
  fc.constantFrom(null, undefined, true, [], {}),
);
const point = fc.record(
  {
    key: fc.oneof(
      fc.constantFrom("train/loss", "a", "", "x".repeat(200), "x".repeat(201), "bad\u0001key", "tab\tkey"),
      fc.string({ maxLength: 8 }),
      fc.integer(),
    ),
    step: fc.oneof(fc.integer({ min: -2, max: 100 }), fc.constantFrom(2_147_483_647, 2_147_483_648, 1.5, -0, "3", null)),
    value: anyValue,
    wallTime: fc.oneof(
      fc.constantFrom(null, undefined, 0, -1, 1_764_000_000, 1_764_000_000.25, 32_503_680_000, 32_503_680_001, "2026-11-01T00:00:00Z", "yesterday", true),
      fc.double(),
    ),
    extra: fc.constant(1),
  },
  { requiredKeys: ["key", "step", "value"] },
);
const body = fc.record(
  {
    points: fc.oneof(fc.array(point, { minLength: 0, maxLength: 6 }), fc.constantFrom(null, "x", {})),
    overwrite: fc.constantFrom(true, false, undefined, "yes"),
    other: fc.constant("x"),
  },
  { requiredKeys: [] },
);

describe("parseLogMetricsRequest", () => {
  it("accepts, refuses and builds exactly what ZLogMetricsRequest does", () => {
    fc.assert(
      fc.property(fc.oneof(body, fc.constantFrom(null, [], "x", 3)), (raw) => {
        const fast = outcome(() => parseLogMetricsRequest(raw));
        const schema = outcome(() => ZLogMetricsRequest.parse(raw));
        expect(fast).toEqual(schema);
      }),
      { seed: 15, numRuns: 3000 },
    );
  });

  it("keeps the schema's issues for a refused batch and its bounds on batch size", () => {
    const point = { key: "k", step: 1, value: 1 };
    expect(() => parseLogMetricsRequest({ points: [] })).toThrow();
    expect(() => parseLogMetricsRequest({ points: Array.from({ length: 10_001 }, (_, step) => ({ ...point, step })) })).toThrow();
    expect(parseLogMetricsRequest({ points: [{ ...point, value: "NaN", wallTime: 1 }] }).points[0]).toEqual({
      key: "k",
      step: 1,
      value: Number.NaN,
      wallTime: new Date(1000),
    });
  });
});
