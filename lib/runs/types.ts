export type TLatestFigure = { value: number | null; n: number; lowN: boolean };

/** One listed run (the runs table, pickers): the run plus its latest-checkpoint figures from run_stats. */
export type TRunRowDTO = {
  id: string;
  name: string;
  method: string;
  tags: string[];
  status: "running" | "finished" | "failed";
  baselineRunId: string | null;
  createdAt: string;
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
