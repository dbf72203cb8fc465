import type { TRunHeaderDTO } from "@/lib/runs/header-types";

import type { TShareScope } from "./types";

// What a shared page renders: exactly the link's scope and nothing else of the project.

export type TSharedSampleDTO = {
  id: string;
  runId: string;
  runName: string;
  step: number;
  candidate: number;
  role: string;
  benchmark: string;
  subtask: string;
  prompt: string;
  hasImage: boolean;
  judgments: { kind: "self" | "external" | "human"; judge: string; judgeStep: number; verdict: number | null }[];
};

export type TSharedView = {
  linkId: string;
  scope: TShareScope;
  anonymized: boolean;
  label: string | null;
  projectName: string;
  expiresAt: string | null;
  /** The runs in scope, in the link's order (run: one; comparison: several; samples: none). */
  runs: TRunHeaderDTO[];
  /** The compare page's URL query at the time of sharing (comparison scope only). */
  viewQuery: string | null;
  samples: TSharedSampleDTO[];
};
