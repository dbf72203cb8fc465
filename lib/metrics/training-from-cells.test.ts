import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { computeCurriculum, curriculumRowsFromCells } from "./curriculum";
import { findPromptFlips, findPromptFlipsFromCells } from "./flips";
import { tallyOwnCells } from "./tally";
import { buildRecords } from "./testing/records";

// Curriculum statistics and flips are served from the summary's per-prompt counters; from raw
// candidate verdicts they must come out the same.
const image = fc.record({
  step: fc.constantFrom(0, 10, 20),
  promptId: fc.constantFrom("a", "b", "c"),
  self: fc.constantFrom<0 | 1 | null | undefined>(0, 1, null, undefined),
});

describe("curriculum and flips from per-prompt counters", () => {
  it("equal the same statistics computed from each candidate's verdict", () => {
    fc.assert(
      fc.property(fc.array(image, { maxLength: 40 }), (images) => {
        const { samples, judgments } = buildRecords(images);
        const cells = tallyOwnCells(samples, judgments, {});
        const candidates = new Map<string, { accepted: number; candidates: number }>();
        for (const img of images) {
          const key = `${img.step}|${img.promptId}`;
          const entry = candidates.get(key) ?? { accepted: 0, candidates: 0 };
          entry.candidates += 1;
          if (img.self === 1) entry.accepted += 1;
          candidates.set(key, entry);
        }
        const rows = [...candidates].map(([key, c]) => ({ promptId: key.split("|")[1]!, step: Number(key.split("|")[0]), ...c }));
        expect(computeCurriculum(curriculumRowsFromCells(cells))).toEqual(computeCurriculum(rows));
        const verdicts = images.map((img) => ({ promptId: img.promptId, step: img.step, verdict: img.self ?? null }));
        expect(findPromptFlipsFromCells(cells)).toEqual(findPromptFlips(verdicts));
      }),
      { seed: 99, numRuns: 300 },
    );
  });
});
