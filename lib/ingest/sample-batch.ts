import type { TPromptInput } from "@/lib/api/contracts/prompts";
import type { TSampleInput } from "@/lib/api/contracts/samples";
import { AppError } from "@/lib/errors";

import { assertUniqueKeys, sameValue } from "./conflicts";
import { judgeKeyOf } from "./judgment-rows";

// Checks a sample batch can make on its own, before touching the database: natural keys are unique
// within the batch, an inline prompt repeated under one externalId says the same thing each time.

export function promptExternalId(sample: TSampleInput): string {
  return typeof sample.prompt === "string" ? sample.prompt : sample.prompt.externalId;
}

export function validateSampleBatch(samples: readonly TSampleInput[]): void {
  assertUniqueKeys(samples, (s) => `${s.step}\u0000${promptExternalId(s)}\u0000${s.candidate}`, "samples", "step, prompt and candidate");
  samples.forEach((s, i) => assertUniqueKeys(s.judgments, (j) => judgeKeyOf(j, s.step), `samples.${i}.judgments`, "kind, judge and judgeStep"));
  const firstInline = new Map<string, number>();
  samples.forEach((s, i) => {
    if (typeof s.prompt === "string") return;
    const first = firstInline.get(s.prompt.externalId);
    if (first === undefined) return void firstInline.set(s.prompt.externalId, i);
    if (!sameValue(s.prompt, samples[first]!.prompt)) {
      throw new AppError("INVALID_INPUT", `samples.${i}.prompt differs from samples.${first}.prompt under the same externalId.`, [
        { path: `samples.${i}.prompt`, message: `differs from samples.${first}.prompt` },
      ]);
    }
  });
}

/** Each inline prompt once, with the index of the sample that first carried it. */
export function inlinePrompts(samples: readonly TSampleInput[]): { prompt: TPromptInput; sampleIndex: number }[] {
  const seen = new Map<string, { prompt: TPromptInput; sampleIndex: number }>();
  samples.forEach((s, i) => {
    if (typeof s.prompt !== "string" && !seen.has(s.prompt.externalId)) seen.set(s.prompt.externalId, { prompt: s.prompt, sampleIndex: i });
  });
  return [...seen.values()];
}

/** The 422 for references that do not resolve (unknown prompts, images not uploaded, runs of other projects). */
export function unresolvedError(message: string, paths: readonly { path: string; message: string }[]): AppError {
  return new AppError("INVALID_INPUT", `${message} (first: ${paths[0]!.path}).`, paths.slice(0, 100));
}
