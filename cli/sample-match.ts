import type { TListedSample } from "../lib/api/contracts/samples";

import { show } from "./line-errors";

// How a line of a judgment or score file finds its image among a run's samples at one step: by
// file name, when one path ends with the other compared segment by segment
// (`texture/samples/x_000003.png` matches `samples/x_000003.png` and `/mnt/a/texture/samples/x_000003.png`),
// or by prompt id and candidate. Exactly one image must match. Pure.

const segmentsOf = (p: string) => p.split(/[\\/]+/).filter((s) => s && s !== ".");

function endsWith(long: readonly string[], short: readonly string[]): boolean {
  if (short.length > long.length) return false;
  const offset = long.length - short.length;
  return short.every((s, i) => long[offset + i] === s);
}

export type TSampleIndex = {
  byPath(filename: string): TListedSample[];
  byPrompt(promptId: string, candidate: number): TListedSample[];
};

export function indexSamples(samples: readonly TListedSample[]): TSampleIndex {
  const byBase = new Map<string, { sample: TListedSample; segments: string[] }[]>();
  const byKey = new Map<string, TListedSample[]>();
  const byNumber = new Map<string, TListedSample[]>();
  for (const sample of samples) {
    if (sample.sourcePath) {
      const segments = segmentsOf(sample.sourcePath);
      const base = segments[segments.length - 1]!;
      byBase.set(base, [...(byBase.get(base) ?? []), { sample, segments }]);
    }
    byKey.set(`${sample.prompt}#${sample.candidate}`, [...(byKey.get(`${sample.prompt}#${sample.candidate}`) ?? []), sample]);
    // "geneval/00012" is also prompt 12 (WISE and score files number prompts).
    const number = /(\d+)$/.exec(sample.prompt)?.[1];
    if (number !== undefined) {
      const key = `${Number(number)}#${sample.candidate}`;
      byNumber.set(key, [...(byNumber.get(key) ?? []), sample]);
    }
  }
  return {
    byPath(filename) {
      const segments = segmentsOf(filename);
      const base = segments[segments.length - 1];
      if (!base) return [];
      return (byBase.get(base) ?? []).filter((c) => endsWith(c.segments, segments) || endsWith(segments, c.segments)).map((c) => c.sample);
    },
    byPrompt(promptId, candidate) {
      const exact = byKey.get(`${promptId}#${candidate}`);
      if (exact) return exact;
      return /^\d+$/.test(promptId) ? (byNumber.get(`${Number(promptId)}#${candidate}`) ?? []) : [];
    },
  };
}

export type TRecordKey = { filename: string } | { promptId: string; candidate: number };

/** The key a record names: `filename` (also `file_name`, `image`, `image_path`), or `prompt_id` + `candidate`. */
export function recordKey(record: Record<string, unknown>): TRecordKey {
  const filename = ["filename", "file_name", "image_path", "image", "path"].map((f) => record[f]).find((v) => typeof v === "string" && v.trim() !== "");
  if (typeof filename === "string") return { filename: filename.trim() };
  const promptId = record.prompt_id ?? record.promptId;
  if ((typeof promptId === "string" && promptId.trim() !== "") || typeof promptId === "number") {
    const raw = record.candidate ?? 0;
    const candidate = typeof raw === "number" ? raw : raw === "" ? 0 : Number(raw);
    if (!Number.isInteger(candidate) || candidate < 0) throw new Error(`candidate ${show(raw)} is not a non-negative integer`);
    return { promptId: String(promptId).trim(), candidate };
  }
  throw new Error("names no image: give filename, or prompt_id (and candidate)");
}

export const describeKey = (key: TRecordKey) =>
  "filename" in key ? `filename ${show(key.filename)}` : `prompt ${show(key.promptId)} candidate ${key.candidate}`;

/** The one sample a key names; throws when several match, returns null when none does. */
export function matchOne(index: TSampleIndex, key: TRecordKey): TListedSample | null {
  const found = "filename" in key ? index.byPath(key.filename) : index.byPrompt(key.promptId, key.candidate);
  if (found.length > 1)
    throw new Error(
      `${describeKey(key)} matches ${found.length} images of the run (${found
        .slice(0, 3)
        .map((s) => s.sourcePath ?? `${s.prompt}#${s.candidate}`)
        .join(", ")}); give a longer path`,
    );
  return found[0] ?? null;
}
