// What the datasets pages receive (plain DTOs, client-safe): the preview of a recipe, a dataset as the
// list and its page show it, and one item of its grid. The services build them; components render them.
import type { TGate, TRisk } from "./gate";
import type { TRoundLedger } from "./recipe";

export type TSubtaskCounts = { subtask: string; prompts: number; candidates: number; accepted: number; items: number; pool: number };

export type TDatasetPreview = {
  runId: string;
  step: number;
  kind: "sft" | "dpo";
  judge: string;
  externalJudges: Record<string, string>;
  counts: { overall: TSubtaskCounts; subtasks: TSubtaskCounts[] };
  passRateHistogram: number[];
  gate: TGate;
  risk: TRisk;
  ledger: TRoundLedger[];
};

type TRunRef = { runId: string; name: string };

export type TDatasetCard = {
  id: string;
  name: string;
  kind: "sft" | "dpo";
  sourceRun: TRunRef;
  sourceStep: number;
  round: number;
  previousId: string | null;
  judge: string;
  recipe: Record<string, unknown>;
  itemCount: number;
  poolCount: number;
  gate: TGate;
  risk: TRisk;
  riskAcknowledgedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  contentHash: string;
  trainedBy: TRunRef[];
};

export type TDatasetDetail = TDatasetCard & {
  counts: { overall: TSubtaskCounts; subtasks: TSubtaskCounts[]; passRateHistogram?: number[]; totalItems?: number };
  ledger: TRoundLedger[];
  resolvedRecipe: Record<string, unknown>;
  /** Runs trained on it with their cached latest figures (run_stats). */
  lineage: { runId: string; name: string; latestStep: number | null; non: number | null; gen: number | null; und: number | null }[];
};

/** A trained-on run's latest co-trend class and whether the data-quality alarm fires there. */
export type TLineageTrend = { step: number; class: string; alarm: boolean };

type TItemImage = {
  sampleId: string;
  candidate: number;
  thumbUrl: string | null;
  fullUrl: string | null;
  selfVerdict: 0 | 1 | null;
  selfProb: number | null;
  externalVerdict: 0 | 1 | null;
};
/** One prompt of the discard pool with its candidates at the dataset's step (none was accepted). */
export type TPoolPrompt = {
  promptId: string;
  externalId: string;
  text: string;
  benchmark: string;
  subtask: string;
  candidates: TItemImage[];
};

export type TDatasetItem = {
  position: number;
  round: number;
  prompt: string;
  promptExternalId: string;
  benchmark: string;
  subtask: string;
  chosen: TItemImage;
  rejected: TItemImage | null;
};

/** A run's construction rounds the build form offers: steps with training candidates. */
export type TBuildSource = { runId: string; name: string; steps: { step: number; samples: number }[] };

/** What the run page says about the datasets it trained on. */
export type TRunLineageLine = { datasetId: string; name: string; text: string; atRisk: boolean };
