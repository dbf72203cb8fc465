import { Badge } from "@/components/ui/badge";
import type { TVerdict } from "@/lib/samples/types";

export function verdictWord(verdict: TVerdict): string {
  return verdict === 1 ? "aligned" : verdict === 0 ? "misaligned" : "unparseable";
}

/** One judge's verdict: "self: aligned" in green, misaligned in rose, unparseable in amber. */
export function VerdictBadge({ label, verdict, title }: { label: string; verdict: TVerdict; title?: string }) {
  return (
    <Badge tone={verdict === 1 ? "good" : verdict === 0 ? "bad" : "warn"} title={title} data-verdict={verdict ?? "null"}>
      {label}: {verdictWord(verdict)}
    </Badge>
  );
}
