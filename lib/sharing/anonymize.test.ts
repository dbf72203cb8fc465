import { describe, expect, it } from "vitest";

import type { TActor } from "@/lib/auth/actor";

import { anonymousRunLabel, displayPersonName, displayProjectName, displayRunName } from "./anonymize";

const share = (anonymized: boolean): TActor => ({
  kind: "share",
  linkId: "l",
  projectId: "p",
  scope: "comparison",
  runIds: ["r1", "r2"],
  sampleIds: [],
  anonymized,
});

describe("anonymized share links", () => {
  it("label runs by their position in the link, the same on every visit", () => {
    expect(displayRunName(share(true), { id: "r2", name: "alice · secret-ablation" })).toBe("Run B");
    expect(displayRunName(share(true), { id: "r1", name: "x" })).toBe("Run A");
    expect(anonymousRunLabel(26)).toBe("Run 27");
  });

  it("replace project and people's names, and leave everything alone otherwise", () => {
    expect(displayProjectName(share(true), "Lab X")).toBe("Anonymized project");
    expect(displayPersonName(share(true), "Alice")).toBe("Anonymous");
    expect(displayRunName(share(false), { id: "r1", name: "named" })).toBe("named");
    expect(displayProjectName({ kind: "user", userId: "u" }, "Lab X")).toBe("Lab X");
  });
});
