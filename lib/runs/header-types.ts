// The run header: what the top of a run page (and a shared run) shows. Pure types, client-safe.

type TRunHeaderStatsDTO = {
  latestStep: number | null;
  gen: number | null;
  genN: number;
  und: number | null;
  undN: number;
  non: number | null;
  nonN: number;
};

export type TRunHeaderDTO = {
  id: string;
  name: string;
  method: string;
  status: "running" | "finished" | "failed";
  tags: string[];
  createdAt: string;
  finishedAt: string | null;
  createdBy: string | null;
  /** Null when there is none, or when the caller may not see it (a share link that does not include it). */
  baseline: { id: string; name: string; step: number | null } | null;
  stats: TRunHeaderStatsDTO | null;
};
