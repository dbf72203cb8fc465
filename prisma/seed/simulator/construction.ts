// Building training data from the model's own verdicts: every training prompt gets N candidates at a
// construction round; accepted candidates become SFT data, or the best accepted and the worst rejected
// become a DPO pair; prompts with none accepted go to the discard pool, which replay rounds re-sample.
import type { TPromptRecord } from "../prompts/load-prompts";
import { drawImage, judgeExternal, judgeSelf } from "./judge";
import type { TModel } from "./model";
import type { TDraws } from "./random";
import type { TSimSample } from "./types";

export type TRoundInput = {
  model: TModel;
  prompts: readonly TPromptRecord[];
  step: number;
  epoch: number;
  candidates: number;
  judgeKey: string;
  corruption: number;
  pairs: boolean;
};

/** One round: the samples with their roles, and the prompts that got at least one accepted candidate. */
export function runConstructionRound(input: TRoundInput, draws: TDraws): { samples: TSimSample[]; passed: Set<string> } {
  const samples: TSimSample[] = [];
  const passed = new Set<string>();
  for (const prompt of input.prompts) {
    const group: TSimSample[] = [];
    for (let candidate = 0; candidate < input.candidates; candidate++) {
      const ref = { prompt, candidate, step: input.step };
      const image = drawImage(input.model, ref, draws);
      const self = judgeSelf(input.model, ref, image, input.judgeKey, draws, input.corruption);
      const external = judgeExternal(ref, image, draws);
      group.push({ prompt, step: input.step, epoch: input.epoch, candidate, candidates: input.candidates, role: "discarded", image, self, external });
    }
    const accepted = group.filter((s) => s.self.verdict === 1);
    if (accepted.length > 0) passed.add(prompt.externalId);
    if (!input.pairs) {
      for (const s of accepted) s.role = "sft_chosen";
    } else {
      // The paper ranks by the judge's probability of "1": the most confident accept against the most confident reject.
      const rejected = group.filter((s) => s.self.verdict === 0);
      if (accepted.length > 0 && rejected.length > 0) {
        accepted.reduce((a, b) => (b.self.prob! > a.self.prob! ? b : a)).role = "dpo_chosen";
        rejected.reduce((a, b) => (b.self.prob! < a.self.prob! ? b : a)).role = "dpo_rejected";
      }
    }
    samples.push(...group);
  }
  return { samples, passed };
}
