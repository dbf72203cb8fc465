import { describe, expect, it } from "vitest";

import { slugFromName, ZSlug } from "./projects";
import { ZCreateShareLink } from "./sharing";

describe("project and share contracts", () => {
  it.each([
    ["Janus-Pro ablations!", "janus-pro-ablations"],
    ["  Émile's  lab ", "emile-s-lab"],
    ["---", ""],
  ])("suggests a slug for %j", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });

  it("accepts only URL-safe slugs", () => {
    expect(ZSlug.safeParse("unify-2025").success).toBe(true);
    for (const bad of ["", "-a", "a-", "A", "a/b", "x".repeat(49)]) expect(ZSlug.safeParse(bad).success).toBe(false);
  });

  it("bounds every share scope", () => {
    const projectId = "4f1c1a52-8a0e-4f5e-9a3c-1d2b3c4d5e6f";
    expect(ZCreateShareLink.safeParse({ projectId, scope: "run", runId: projectId }).success).toBe(true);
    expect(ZCreateShareLink.safeParse({ projectId, scope: "comparison", runIds: [projectId] }).success).toBe(false);
    expect(ZCreateShareLink.safeParse({ projectId, scope: "samples", sampleIds: Array.from({ length: 201 }, (_, i) => String(i)) }).success).toBe(false);
    expect(ZCreateShareLink.safeParse({ projectId, scope: "samples", sampleIds: ["1; drop"] }).success).toBe(false);
    expect(ZCreateShareLink.safeParse({ projectId, scope: "project" }).success).toBe(false);
  });
});
