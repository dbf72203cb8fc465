import { describe, expect, it } from "vitest";

import { DEFAULT_VIEW, parseViewState, serializeViewState, ZCompareRuns } from "./view-state";

describe("view state in the URL", () => {
  it("round-trips a full view through the query string", () => {
    const view = {
      ...DEFAULT_VIEW,
      x: "time" as const,
      smooth: 0.6,
      log: ["train/loss"],
      from: 100,
      to: 900,
      keys: ["train/loss", "lr"],
      metrics: ["non" as const],
      subtasks: ["color_attr"],
      step: 400,
    };
    const qs = serializeViewState(view);
    expect(parseViewState(new URLSearchParams(qs))).toEqual(view);
  });

  it("falls back to defaults on malformed values instead of failing the page", () => {
    expect(parseViewState({ x: "furlongs", smooth: "2", metrics: "gen,bogus", from: "abc" })).toEqual(DEFAULT_VIEW);
  });

  it("leaves defaults out and keeps unrelated parameters", () => {
    expect(serializeViewState(DEFAULT_VIEW, new URLSearchParams("runs=a,b&x=epoch"))).toBe("runs=a%2Cb");
  });

  it("accepts 2 to 4 run ids for a comparison", () => {
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    expect(ZCompareRuns.safeParse(`${id(1)},${id(2)}`).success).toBe(true);
    expect(ZCompareRuns.safeParse(id(1)).success).toBe(false);
    expect(ZCompareRuns.safeParse([1, 2, 3, 4, 5].map(id).join(",")).success).toBe(false);
  });
});
