// What the explorer, the sample page and the audit pages receive: plain, client-safe DTOs.
import type { TMeasure } from "@/lib/metrics/summary-types";

import type { TExplorerQuery, TSampleRole, TVerdictClass } from "./explorer-query";

export type TVerdict = 0 | 1 | null;

export type TSampleImage = { thumbUrl: string; fullUrl: string } | null;

export type TExplorerCard = {
  id: string;
  step: number;
  candidate: number;
  role: string;
  subtask: string;
  benchmark: string;
  prompt: string;
  image: TSampleImage;
  self: { verdict: TVerdict; response: string | null } | null;
  external: { verdict: TVerdict; judge: string; reason: string | null } | null;
  humans: { judge: string; verdict: TVerdict }[];
};

export type TFacetValue = { value: string; count: number };

export type TExplorerPageDTO = {
  query: TExplorerQuery;
  runs: { id: string; name: string }[];
  runId: string | null;
  steps: { step: number; count: number }[];
  /** The checkpoint shown: the query's, else the run's latest; null = all checkpoints. */
  step: number | null;
  cards: TExplorerCard[];
  nextCursor: string | null;
  classCounts: Record<TVerdictClass | "total", number>;
  facets: { subtask: TFacetValue[]; role: TFacetValue[]; benchmark: TFacetValue[] };
  /** Set when the text search matched more prompts than one query takes (the page says so). */
  searchCapped: boolean;
};

export type TTimelinePoint = {
  sampleId: string;
  step: number;
  image: TSampleImage;
  self: TVerdict;
  external: TVerdict;
  selfFlip: boolean;
  externalFlip: boolean;
};

export type TSampleDetailDTO = {
  id: string;
  runId: string;
  runName: string;
  step: number;
  prompt: string;
  /** The text the model was given when a pipeline rewrote the prompt (null: the prompt itself). */
  generationPrompt: string | null;
  /** The image's path as the evaluator wrote it. */
  sourcePath: string | null;
  candidate: number;
  candidates: number | null;
  role: string;
  subtask: string;
  benchmark: string;
  genLogLik: number | null;
  image: (TSampleImage & { width: number; height: number; mediaType: string }) | null;
  /** The row names a blob but its file is gone: the page shows a placeholder and says so. */
  imageMissing: boolean;
  judgments: {
    kind: "self" | "external" | "human";
    judge: string;
    judgeStep: number;
    verdict: TVerdict;
    prob: number | null;
    score: number | null;
    response: string | null;
    reason: string | null;
    annotator: string | null;
  }[];
  myLabel: { verdict: TVerdict; note: string | null } | null;
  timeline: TTimelinePoint[];
  otherRuns: { runId: string; runName: string; sampleId: string; image: TSampleImage; self: TVerdict; external: TVerdict }[];
};

type TAuditItem = {
  id: string;
  step: number;
  prompt: string;
  subtask: string;
  role: string;
  image: TSampleImage;
  self: TVerdict;
  external: TVerdict;
  label: TVerdict;
  note: string | null;
};

export type TAuditSessionDTO = {
  id: string;
  runId: string;
  runName: string;
  step: number | null;
  role: TSampleRole | null;
  seed: number;
  createdAt: string;
  items: TAuditItem[];
  labeled: number;
  /** Precision of the self-judge's acceptances: share of self-accepted images the reviewer calls aligned. */
  precision: TMeasure;
};
