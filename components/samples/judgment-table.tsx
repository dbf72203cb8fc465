import type { TSampleDetailDTO } from "@/lib/samples/types";

import { VerdictBadge } from "./verdict-badge";

/** Every verdict on the image with its judge, the judging checkpoint and the raw text. */
export function JudgmentTable({ judgments }: { judgments: TSampleDetailDTO["judgments"] }) {
  if (judgments.length === 0) return <p className="text-sm text-[var(--muted)]">Nobody has judged this image yet.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-[var(--muted)]">
        <tr>
          <th className="py-1 pr-2 font-medium">judge</th>
          <th className="py-1 pr-2 font-medium">verdict</th>
          <th className="py-1 font-medium">raw answer / reason</th>
        </tr>
      </thead>
      <tbody>
        {judgments.map((j) => (
          <tr key={`${j.kind}-${j.judge}-${j.judgeStep}`} className="border-t border-[var(--border)] align-top">
            <td className="py-1.5 pr-2">
              <div className="font-medium">{j.kind === "human" ? (j.annotator ?? j.judge) : j.judge}</div>
              <div className="text-xs text-[var(--muted)]">
                {j.kind}
                {j.judgeStep >= 0 ? ` · checkpoint ${j.judgeStep}` : ""}
                {j.prob !== null ? ` · p(1) = ${j.prob.toFixed(2)}` : ""}
                {j.score !== null ? ` · score ${j.score.toFixed(3)}` : ""}
              </div>
            </td>
            <td className="py-1.5 pr-2">
              <VerdictBadge label={j.kind} verdict={j.verdict} />
            </td>
            <td className="py-1.5 text-xs">
              {j.response ? <p className="font-mono whitespace-pre-wrap">“{j.response}”</p> : null}
              {j.reason ? <p className="text-[var(--muted)] whitespace-pre-wrap">{j.reason}</p> : null}
              {!j.response && !j.reason ? <span className="text-[var(--muted)]">—</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
