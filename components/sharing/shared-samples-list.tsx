import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import type { TSharedSampleDTO } from "@/lib/sharing/view-types";

function verdictTone(verdict: number | null) {
  return verdict === 1 ? "good" : verdict === 0 ? "bad" : "warn";
}

function verdictText(verdict: number | null) {
  return verdict === 1 ? "aligned" : verdict === 0 ? "misaligned" : "unparseable";
}

/** Hand-picked samples: prompt, where each comes from, and every judge's verdict on it. */
export function SharedSamplesList({ samples, linkId }: { samples: TSharedSampleDTO[]; linkId: string }) {
  if (samples.length === 0) return <p className="text-sm text-[var(--muted)]">The samples of this link no longer exist.</p>;
  return (
    <ul className="grid gap-3 md:grid-cols-2">
      {samples.map((sample) => (
        <li key={sample.id}>
          <Card>
            <CardBody className="flex flex-col gap-2 text-sm">
              {sample.hasImage ? (
                <a href={`/api/samples/${sample.id}/image?share=${linkId}`} target="_blank" rel="noreferrer" className="self-start">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an authorized API image, not a static asset */}
                  <img
                    src={`/api/samples/${sample.id}/thumbnail?size=320&share=${linkId}`}
                    alt={`Generated for: ${sample.prompt}`}
                    width={320}
                    height={320}
                    loading="lazy"
                    className="h-auto max-w-full rounded border border-[var(--border)]"
                  />
                </a>
              ) : (
                <p className="flex h-20 w-40 items-center justify-center rounded border border-dashed border-[var(--border)] text-xs text-[var(--muted)]">
                  no image stored
                </p>
              )}
              <p className="font-medium">{sample.prompt}</p>
              <p className="text-xs text-[var(--muted)]">
                {sample.runName} · step {sample.step} · candidate {sample.candidate} · {sample.benchmark}/{sample.subtask} · {sample.role}
              </p>
              <div className="flex flex-wrap gap-1.5">
                {sample.judgments.map((j) => (
                  <Badge key={`${j.kind}-${j.judge}-${j.judgeStep}`} tone={verdictTone(j.verdict)}>
                    {j.kind === "self" ? `self@${j.judgeStep}` : j.judge}: {verdictText(j.verdict)}
                  </Badge>
                ))}
              </div>
            </CardBody>
          </Card>
        </li>
      ))}
    </ul>
  );
}
