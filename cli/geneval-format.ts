import { parseSelfVerdict } from "../lib/api/answer-parser";
import type { TSampleIn } from "../lib/api-client/client";

import { describeLineErrors, show, type TLineError } from "./line-errors";

// GenEval's evaluator (djghosh13/geneval evaluation/evaluate_images.py, and BAGEL's and Show-o2's
// multi-GPU copies) writes pandas JSON lines (docs/formats/eval-pipelines.md): compact, `/`
// escaped as `\/`, one object per image — filename (the path on the machine that ran it), tag,
// prompt, correct, reason, metadata and details (each a JSON-encoded string). Pipelines rewrite
// the prompt text (BAGEL's long prompts, Show-o2's rewritten ones), so a line's prompt is identified
// by its folder index (`<index:05>/samples/<k>.png`) or by its metadata, never by its text: the
// prompt keeps GenEval's canonical text and spec, the sample keeps the text actually used. Optional
// self_verdict / self_response / self_prob carry the model's own judgment. Pure: no I/O.

export const GENEVAL_TAGS = ["single_object", "two_object", "counting", "colors", "position", "color_attr"] as const;

/** One line of GenEval's evaluation_metadata.jsonl: the prompt's spec. */
export type TGenevalMeta = { tag: string; prompt: string; include?: unknown; exclude?: unknown } & Record<string, unknown>;

type TGenevalLine = {
  filename: string;
  tag: string;
  prompt: string;
  correct: boolean;
  reason: string | null;
  metadata: Record<string, unknown> | null;
  self_verdict?: 0 | 1 | null;
  self_response?: string | null;
  self_prob?: number | null;
};

type TSpec = NonNullable<Extract<TSampleIn["prompt"], object>["spec"]>;
export type TGenevalSample = TSampleIn & { imagePath: string; line: number; judgments: NonNullable<TSampleIn["judgments"]> };

// <outdir>/<prompt index, 4 or 5 digits>/samples/<candidate, any digits>.png, with / or \ separators.
const LAYOUT = /(?:^|[\\/])(\d+)[\\/]samples[\\/](\d+)\.[a-z]+$/i;

/** The shipped evaluation_metadata.jsonl (one object a line). */
export function parseGenevalMetadataList(text: string): TGenevalMeta[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TGenevalMeta);
}

function parseJsonField(value: unknown, field: string): Record<string, unknown> | null {
  if (value == null || value === "") return null;
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== "string") throw new Error(`"${field}" ${show(value)} is neither a JSON string nor an object`);
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`"${field}" ${show(value)} is not a JSON object`);
}

function parseLine(text: string): TGenevalLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message.slice(0, 80)})`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
  const line = value as Record<string, unknown>;
  for (const field of ["filename", "tag", "prompt"] as const) {
    if (typeof line[field] !== "string" || !line[field]) throw new Error(`"${field}" must be a non-empty string, not ${show(line[field])}`);
  }
  if (!(GENEVAL_TAGS as readonly string[]).includes(line.tag as string))
    throw new Error(`unknown tag ${show(line.tag)} (GenEval's: ${GENEVAL_TAGS.join(", ")})`);
  const correct = line.correct;
  if (typeof correct !== "boolean" && correct !== 0 && correct !== 1) throw new Error(`"correct" must be true or false, not ${show(correct)}`);
  if (line.self_verdict != null && line.self_verdict !== 0 && line.self_verdict !== 1)
    throw new Error(`"self_verdict" must be 0, 1 or null, not ${show(line.self_verdict)}`);
  if (line.self_prob != null && (typeof line.self_prob !== "number" || line.self_prob < 0 || line.self_prob > 1))
    throw new Error(`"self_prob" must be a probability, not ${show(line.self_prob)}`);
  if (line.self_response != null && typeof line.self_response !== "string") throw new Error(`"self_response" must be text, not ${show(line.self_response)}`);
  return {
    filename: line.filename as string,
    tag: line.tag as string,
    prompt: line.prompt as string,
    correct: correct === true || correct === 1,
    reason: typeof line.reason === "string" ? line.reason : null,
    metadata: parseJsonField(line.metadata, "metadata"),
    self_verdict: line.self_verdict as 0 | 1 | null | undefined,
    self_response: line.self_response as string | null | undefined,
    self_prob: line.self_prob as number | null | undefined,
  };
}

/** A spec without its prompt text: what identifies a GenEval prompt when the text was rewritten. */
const specKey = (meta: Record<string, unknown>) =>
  JSON.stringify(
    Object.entries(meta)
      .filter(([k]) => k !== "prompt" && k !== "index")
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/** Whether two GenEval specs describe the same prompt (rewritten prompt text ignored). */
export const sameGenevalSpec = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => specKey(a) === specKey(b);

/**
 * The GenEval prompt a line belongs to: its folder index when the file name follows GenEval's
 * layout (checked against the tag), else the one shipped prompt whose spec equals the line's
 * metadata (rewritten prompt text ignored). Never its prompt text.
 */
function identify(line: TGenevalLine, shipped: readonly TGenevalMeta[], bySpec: ReadonlyMap<string, number[]>): number {
  const match = LAYOUT.exec(line.filename);
  if (match) {
    const index = Number(match[1]);
    const meta = shipped[index];
    if (!meta) throw new Error(`folder ${match[1]} names no GenEval prompt (there are ${shipped.length})`);
    if (meta.tag !== line.tag) throw new Error(`folder ${match[1]} is GenEval prompt ${index} (tag ${meta.tag}), but the line's tag is ${show(line.tag)}`);
    if (line.metadata && specKey(line.metadata) !== specKey(meta))
      throw new Error(`folder ${match[1]} is GenEval prompt ${index} ("${meta.prompt}"), but the line's metadata describes another prompt`);
    return index;
  }
  if (!line.metadata) throw new Error(`filename ${show(line.filename)} does not follow <index>/samples/<k>.png and the line has no metadata`);
  const found = bySpec.get(specKey(line.metadata)) ?? [];
  if (found.length === 1) return found[0]!;
  const exact = found.filter((i) => shipped[i]!.prompt === line.metadata!.prompt);
  if (exact.length === 1) return exact[0]!;
  throw new Error(
    found.length === 0 ? `metadata ${show(line.metadata)} matches no GenEval prompt` : `metadata matches ${found.length} GenEval prompts; cannot tell which`,
  );
}

/**
 * The samples of one GenEval results file at one step. Every line is checked first; failures come
 * back as one error naming the first few lines and the count, never the lines' JSON.
 */
export function genevalToSamples(file: string, text: string, shipped: readonly TGenevalMeta[], step: number): TGenevalSample[] {
  const bySpec = new Map<string, number[]>();
  shipped.forEach((meta, i) => bySpec.set(specKey(meta), [...(bySpec.get(specKey(meta)) ?? []), i]));
  const errors: TLineError[] = [];
  const seen = new Map<string, number>();
  const order = new Map<number, number>();
  const samples: TGenevalSample[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const lineNo = i + 1;
    try {
      const line = parseLine(raw);
      const index = identify(line, shipped, bySpec);
      const meta = shipped[index]!;
      const match = LAYOUT.exec(line.filename);
      const candidate = match ? Number(match[2]) : (order.get(index) ?? 0);
      order.set(index, Math.max(order.get(index) ?? 0, candidate + 1));
      const externalId = `geneval/${String(index).padStart(5, "0")}`;
      const key = `${externalId}#${candidate}`;
      const first = seen.get(key);
      if (first !== undefined) throw new Error(`repeats image ${candidate} of GenEval prompt ${index} (first on line ${first}): more entries than images`);
      seen.set(key, lineNo);
      const selfVerdict = line.self_verdict ?? (line.self_response != null ? parseSelfVerdict(line.self_response) : undefined);
      const hasSelf = selfVerdict !== undefined || line.self_prob != null;
      samples.push({
        step,
        prompt: { externalId, text: meta.prompt, benchmark: "geneval", subtask: meta.tag, spec: meta as unknown as TSpec },
        candidate,
        generationPrompt: line.prompt,
        sourcePath: line.filename,
        imagePath: line.filename,
        line: lineNo,
        judgments: [
          { kind: "external" as const, judge: "geneval", verdict: line.correct ? (1 as const) : (0 as const), reason: line.reason },
          ...(hasSelf ? [{ kind: "self" as const, verdict: selfVerdict ?? null, prob: line.self_prob ?? null, response: line.self_response ?? null }] : []),
        ],
      });
    } catch (error) {
      errors.push({ line: lineNo, message: (error as Error).message });
    }
  });
  if (errors.length > 0) throw new Error(describeLineErrors(file, errors));
  if (samples.length === 0) throw new Error(`${file}: no results lines`);
  return samples;
}

/**
 * Where the image a line names may be under --images: the path itself when relative, then ever
 * shorter tails of it down to GenEval's `<index>/samples/<k>.png` — so a results file written on
 * another machine finds its images in a copied folder.
 */
export function genevalImageCandidates(imagesDir: string, filename: string, join: (...parts: string[]) => string): string[] {
  const segments = filename.split(/[\\/]+/).filter(Boolean);
  const shortest = LAYOUT.test(filename) ? Math.min(3, segments.length) : 1;
  const out: string[] = [];
  for (let n = segments.length; n >= shortest; n--) out.push(join(imagesDir, ...segments.slice(segments.length - n)));
  return out;
}
