import { Badge, type TBadgeTone } from "@/components/ui/badge";

type TRunStatus = "running" | "finished" | "failed";

const STATUS_TONE: Record<TRunStatus, TBadgeTone> = { running: "info", finished: "neutral", failed: "bad" };

/** A run's status, in the same colours on every page that shows one. */
export function RunStatusBadge({ status }: { status: TRunStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{status}</Badge>;
}
