export type TRunListItemDTO = {
  id: string;
  name: string;
  method: string;
  tags: string[];
  status: "running" | "finished" | "failed";
  baselineRunId: string | null;
  createdAt: string;
};

export type TLatestFigure = { value: number | null; n: number; lowN: boolean };

/** One row of the runs table: the run plus its latest-checkpoint figures from run_stats. */
export type TRunRowDTO = TRunListItemDTO & {
  baselineName: string | null;
  latestStep: number | null;
  gen: TLatestFigure;
  und: TLatestFigure;
  non: TLatestFigure;
  nonSeries: { step: number | null; value: number | null }[];
  benchmarks: string[];
};

export type TRunPageDTO = {
  runs: TRunRowDTO[];
  total: number;
  nextCursor: string | null;
  facets: { methods: string[]; tags: string[]; benchmarks: string[] };
};

export type TRunDetailDTO = {
  id: string;
  projectId: string;
  name: string;
  method: string;
  tags: string[];
  status: "running" | "finished" | "failed";
  notes: string;
  /** Pretty-printed config, cut at CONFIG_DISPLAY_LIMIT characters (with `configTruncated`). */
  configJson: string;
  configTruncated: boolean;
  baseline: { id: string; name: string; step: number | null } | null;
  createdAt: string;
  updatedAt: string;
  heartbeatAt: string | null;
  finishedAt: string | null;
};

export const CONFIG_DISPLAY_LIMIT = 20_000;
