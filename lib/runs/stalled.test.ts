import { describe, expect, it } from "vitest";

import { isRunStalled, lastSignOfLife, parseStalledMinutes } from "./stalled";

const at = (iso: string) => Date.parse(iso);
const run = {
  status: "running" as const,
  lastDataAt: "2026-12-01T10:00:00.000Z",
  heartbeatAt: "2026-12-01T10:05:00.000Z",
  createdAt: "2026-12-01T09:00:00.000Z",
};

describe("stalled runs", () => {
  it("counts the newest of data, heartbeat and creation as the last sign of life", () => {
    expect(lastSignOfLife(run)).toBe(run.heartbeatAt);
    expect(lastSignOfLife({ ...run, heartbeatAt: null })).toBe(run.lastDataAt);
    expect(lastSignOfLife({ ...run, heartbeatAt: null, lastDataAt: null })).toBe(run.createdAt);
  });

  it("is stalled from exactly T minutes of silence on, and never when finished or failed", () => {
    expect(isRunStalled(run, at("2026-12-01T10:19:59.999Z"), 15)).toBe(false);
    expect(isRunStalled(run, at("2026-12-01T10:20:00.000Z"), 15)).toBe(true);
    expect(isRunStalled({ ...run, status: "finished" }, at("2026-12-02T00:00:00Z"), 15)).toBe(false);
    expect(isRunStalled({ ...run, status: "failed" }, at("2026-12-02T00:00:00Z"), 15)).toBe(false);
  });

  it("reads UNIGAP_STALLED_MINUTES as a positive number, else 15", () => {
    expect(parseStalledMinutes(undefined)).toBe(15);
    expect(parseStalledMinutes("")).toBe(15);
    expect(parseStalledMinutes("abc")).toBe(15);
    expect(parseStalledMinutes("0")).toBe(15);
    expect(parseStalledMinutes("-3")).toBe(15);
    expect(parseStalledMinutes("2.5")).toBe(2.5);
  });
});
