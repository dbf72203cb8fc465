import { describe, expect, it } from "vitest";
import { decideAlertTransition } from "./transitions";

describe("alert transitions", () => {
  it("opens once, keeps while matching, resolves when a later checkpoint recovers", () => {
    expect(decideAlertTransition(true, null)).toEqual({ action: "open" });
    expect(decideAlertTransition(true, { id: "a1" })).toEqual({ action: "keep" });
    expect(decideAlertTransition(false, { id: "a1" })).toEqual({ action: "resolve", alertId: "a1" });
    expect(decideAlertTransition(false, null)).toEqual({ action: "none" });
  });
});
