import { createHash } from "node:crypto";

import { parseSelfVerdict } from "../lib/api/answer-parser";
import type { TSampleIn } from "../lib/api-client/client";

// GenEval's evaluator writes one JSON object per image: filename, tag, prompt, correct, reason,
// metadata (the prompt's spec, a JSON string) and details. unigap reads: subtask = tag, external
// verdict (judge "geneval") = correct, prompt spec = metadata; optional self_verdict / self_response
// / self_prob carry the model's own judgment. Pure: the CLI does the file and network work.

export type TGenevalLine = {
  filename: string;
  tag: string;
  prompt: string;
  correct: boolean | number;
  reason?: string | null;
  metadata?: string | Record<string, unknown> | null;
  self_verdict?: 0 | 1 | null;
  self_response?: string | null;
  self_prob?: number | null;
};

export type TGenevalSample = TSampleIn & { imagePath: string; judgments: NonNullable<TSampleIn["judgments"]> };
type TSpec = NonNullable<Extract<TSampleIn["prompt"], object>["spec"]>;

// GenEval's layout: <outdir>/<prompt index, 5 digits>/samples/<candidate, 4 digits>.png
const LAYOUT = /(?:^|[\\/])(\d+)[\\/]samples[\\/](\d+)\.[a-z]+$/i;

export function parseGenevalLine(text: string, lineNo: number): TGenevalLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`line ${lineNo}: not JSON (${(error as Error).message})`);
  }
  const line = value as Partial<TGenevalLine>;
  for (const field of ["filename", "tag", "prompt"] as const) {
    if (typeof line[field] !== "string" || !line[field]) throw new Error(`line ${lineNo}: "${field}" must be a non-empty string`);
  }
  if (typeof line.correct !== "boolean" && line.correct !== 0 && line.correct !== 1) throw new Error(`line ${lineNo}: "correct" must be true or false`);
  if (line.self_verdict != null && line.self_verdict !== 0 && line.self_verdict !== 1) throw new Error(`line ${lineNo}: "self_verdict" must be 0, 1 or null`);
  return line as TGenevalLine;
}

/** GenEval's own prompt number when the file follows its layout, else a hash of the prompt text. */
export function genevalPromptId(line: TGenevalLine): string {
  const match = LAYOUT.exec(line.filename);
  if (match) return `geneval/${match[1]!.padStart(5, "0")}`;
  return `geneval/${createHash("sha256").update(line.prompt).digest("hex").slice(0, 16)}`;
}

function spec(metadata: TGenevalLine["metadata"]): TSpec | undefined {
  if (metadata == null) return undefined;
  if (typeof metadata !== "string") return metadata as TSpec;
  try {
    return JSON.parse(metadata) as TSpec;
  } catch {
    return { raw: metadata };
  }
}

/** The samples of one GenEval results file at one step; candidates come from the file name or the order. */
export function genevalToSamples(lines: readonly TGenevalLine[], step: number): TGenevalSample[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const externalId = genevalPromptId(line);
    const match = LAYOUT.exec(line.filename);
    const order = seen.get(externalId) ?? 0;
    seen.set(externalId, order + 1);
    const selfVerdict = line.self_verdict ?? (line.self_response != null ? parseSelfVerdict(line.self_response) : undefined);
    const hasSelf = selfVerdict !== undefined || line.self_prob != null;
    return {
      step,
      prompt: { externalId, text: line.prompt, benchmark: "geneval", subtask: line.tag, spec: spec(line.metadata) },
      candidate: match ? Number(match[2]) : order,
      imagePath: line.filename,
      judgments: [
        { kind: "external" as const, judge: "geneval", verdict: line.correct ? (1 as const) : (0 as const), reason: line.reason ?? null },
        ...(hasSelf ? [{ kind: "self" as const, verdict: selfVerdict ?? null, prob: line.self_prob ?? null, response: line.self_response ?? null }] : []),
      ],
    };
  });
}

/** The image a line names: relative to --images, or GenEval's <index>/samples/<n>.png tail inside it. */
export function genevalImageCandidates(imagesDir: string, filename: string, join: (...parts: string[]) => string): string[] {
  const match = LAYOUT.exec(filename);
  const tail = match ? join(match[1]!, "samples", filename.slice(filename.search(/[^\\/]+$/))) : null;
  return [join(imagesDir, filename), ...(tail ? [join(imagesDir, tail)] : [])];
}
