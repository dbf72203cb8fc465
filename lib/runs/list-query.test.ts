import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor, parseRunListQuery, runListHref } from "./list-query";

const ID = "00000000-0000-4000-8000-000000000001";

describe("runs table query", () => {
  it("round-trips a keyset cursor, nulls and unicode included", () => {
    for (const value of [0.25, null, "2026-11-01T00:00:00.000Z", "größe ✓"]) expect(decodeCursor(encodeCursor({ value, id: ID }))).toEqual({ value, id: ID });
  });

  it("treats a tampered cursor as the first page", () => {
    expect(decodeCursor("not-base64!")).toBeNull();
    expect(decodeCursor(encodeCursor({ value: 1, id: ID }).slice(3))).toBeNull();
  });

  it("parses filters leniently and restarts paging when they change", () => {
    const query = parseRunListQuery({ q: "  janus ", sort: "non", dir: "sideways", status: "zombie", after: "abc" });
    expect(query).toMatchObject({ q: "janus", sort: "non", dir: "desc", status: undefined, after: "abc" });
    expect(runListHref("/p/demo", query, { method: "dpo" })).toBe("/p/demo?q=janus&method=dpo&sort=non");
  });
});
