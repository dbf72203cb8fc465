import { describe, expect, it } from "vitest";

import { isDatabaseUnavailable } from "./database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises refused sockets, shutdown SQLSTATEs and wrapped driver errors", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5499"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("adapter failed", { cause: { kind: "postgres", originalCode: "57P03" } }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([new Error("Connection terminated unexpectedly")]))).toBe(true);
  });

  it("leaves request errors and bugs alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it("stops on cyclic causes", () => {
    const a: { cause?: unknown; message: string } = { message: "a" };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
