import { Badge } from "@/components/ui/badge";
import type { TCurriculumResponse, TSupervisionAuditResponse } from "@/lib/api/contracts/analysis";
import { describeMeasure, formatPercent } from "@/lib/dashboard/format";

// The training data the self-judge built, checked against an independent judge (the paper's
// supervision audit), and the curriculum's rounds: pass rates, the discard pool and admissions.

function AuditCard({ audit }: { audit: TSupervisionAuditResponse }) {
  const judge =
    audit.judge ??
    Object.entries(audit.judges)
      .map(([b, j]) => `${j} (${b})`)
      .join(", ");
  return (
    <div className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4 text-sm" data-testid="supervision-audit">
      <h3 className="font-medium">Supervision audit</h3>
      <p className="mb-3 text-xs text-[var(--muted)]">
        Against {judge || "no independent judge"}; at risk below {formatPercent(audit.threshold, 0)}.
      </p>
      <dl className="flex flex-col gap-2">
        {audit.sftPrecision.n > 0 ? (
          <div>
            <dt className="text-xs text-[var(--muted)]">precision of SFT-chosen images</dt>
            <dd className="flex flex-wrap items-center gap-2 tabular-nums">
              {describeMeasure(audit.sftPrecision)}
              {audit.sftAtRisk ? <Badge tone="bad">at risk</Badge> : null}
            </dd>
          </div>
        ) : null}
        {audit.dpo.pairs > 0 ? (
          <div>
            <dt className="text-xs text-[var(--muted)]">
              DPO pairs the independent judge agrees with ({audit.dpo.pairs} pairs, {audit.dpo.ties} ties)
            </dt>
            <dd className="flex flex-wrap items-center gap-2 tabular-nums">
              {describeMeasure(audit.dpo.agreement)}
              {audit.dpoAtRisk ? <Badge tone="bad">at risk</Badge> : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

function CurriculumCard({ curriculum }: { curriculum: TCurriculumResponse }) {
  return (
    <div className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4 text-sm" data-testid="curriculum-rounds">
      <h3 className="font-medium">Rounds of data construction</h3>
      <p className="mb-3 text-xs text-[var(--muted)]">
        Pass rate |C|/N per prompt and round; with a curriculum, prompts no candidate passed wait in the discard pool and are admitted when a later round passes
        them.
      </p>
      <table className="w-full text-xs tabular-nums">
        <thead>
          <tr className="text-left text-[var(--muted)]">
            <th className="py-1 font-medium">step</th>
            <th className="font-medium">prompts</th>
            <th className="font-medium">mean pass rate</th>
            <th className="font-medium">pool before</th>
            <th className="font-medium">discarded</th>
            <th className="font-medium">admitted</th>
            <th className="font-medium">pool after</th>
          </tr>
        </thead>
        <tbody>
          {curriculum.rounds.map((r) => (
            <tr key={r.step} className="border-t border-[var(--border)]">
              <td className="py-1">{r.step}</td>
              <td>{r.prompts}</td>
              <td>{formatPercent(r.meanPassRate)}</td>
              <td>{r.poolBefore}</td>
              <td>{r.discarded}</td>
              <td>{r.admitted}</td>
              <td>{r.poolAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Nothing when the run built no training data here (a baseline, or a run that logs only evaluations). */
export function TrainingDataPanel({ audit, curriculum }: { audit: TSupervisionAuditResponse | null; curriculum: TCurriculumResponse | null }) {
  const hasAudit = audit !== null && (audit.sftPrecision.n > 0 || audit.dpo.pairs > 0);
  const hasRounds = curriculum !== null && curriculum.rounds.length > 0;
  if (!hasAudit && !hasRounds) return null;
  return (
    <section aria-label="Training data" className="mb-6">
      <h2 className="text-base font-semibold tracking-tight">Training data the self-judge built</h2>
      <p className="mb-2 text-xs text-[var(--muted)]">
        The data-quality check the Nonunified score cannot make: how often an independent judge agrees with what the model chose to train on.
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        {hasAudit ? <AuditCard audit={audit} /> : null}
        {hasRounds ? <CurriculumCard curriculum={curriculum} /> : null}
      </div>
    </section>
  );
}
