import { describe, expect, it } from "vitest";

import { namedQuery } from "./named-params";

describe("namedQuery", () => {
  it("numbers placeholders by first use, reuses a repeated name and leaves casts alone", () => {
    const q = namedQuery("SELECT :a::uuid, :b::int[], :a, x::text FROM t WHERE y = :c", { c: 3, a: "id", b: [1, 2] });
    expect(q.text).toBe("SELECT $1::uuid, $2::int[], $1, x::text FROM t WHERE y = $3");
    expect(q.params).toEqual(["id", [1, 2], 3]);
    expect(q.position("b")).toBe(1);
  });

  it("refuses a placeholder without a value and a value without a placeholder", () => {
    expect(() => namedQuery("SELECT :a, :b", { a: 1 })).toThrow(":b has no value");
    expect(() => namedQuery("SELECT :a", { a: 1, z: 2 })).toThrow("not used by the query: z");
  });

  it("does not read a time literal or a JSON path as a placeholder", () => {
    expect(namedQuery("SELECT '12:30'::time, x->>'k', :v", { v: 1 }).text).toBe("SELECT '12:30'::time, x->>'k', $1");
  });
});
