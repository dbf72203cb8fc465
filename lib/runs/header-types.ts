// The run header: what the top of a run page, a compared run and a shared run show. Pure types, client-safe.

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
  updatedAt: string;
  heartbeatAt: string | null;
  finishedAt: string | null;
  createdBy: string | null;
  /** Null when there is none, or when the caller may not see it (a share link that does not include it). */
  baseline: { id: string; name: string; step: number | null } | null;
  /** True when the run has a baseline that the caller may not see (a share link without it). */
  baselineHidden: boolean;
  stats: TRunHeaderStatsDTO | null;
  /** Empty for an anonymized share link (notes often carry names). */
  notes: string;
  /** Pretty-printed config cut at CONFIG_DISPLAY_LIMIT characters; null for an anonymized share link (paths and names). */
  configJson: string | null;
  configTruncated: boolean;
};

export const CONFIG_DISPLAY_LIMIT = 20_000;
