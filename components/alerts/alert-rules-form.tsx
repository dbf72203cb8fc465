"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { ALERT_RULE_KINDS, RULE_THRESHOLDS, type TAlertRule, type TAlertRuleKind } from "@/lib/api/contracts/alerts";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";

const LABELS: Record<TAlertRuleKind, string> = {
  gen_below_baseline: "Gen significantly below the baseline by more than … points (upper bound of ΔGen's 95% interval)",
  und_below_half: "Und significantly below 50% (upper bound of its 95% interval)",
  subtask_non_above: "Non of a subtask above … % (lower bound of its 95% interval)",
  stalled: "No new data for … minutes on a running run",
};

type TRuleInput = { kind: TAlertRuleKind; threshold: number | null; enabled: boolean };

/** The project's rules, one per kind, each on or off with its threshold; the server range-checks them. */
export function AlertRulesForm({ slug, rules, save }: { slug: string; rules: TAlertRule[]; save: TAction<{ slug: string; rules: TRuleInput[] }, null> }) {
  const router = useRouter();
  const action = useAction(save);
  const [saved, setSaved] = useState(false);
  const byKind = new Map(rules.map((r) => [r.kind, r]));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: TRuleInput[] = ALERT_RULE_KINDS.filter((kind) => form.get(`${kind}.enabled`) === "on").map((kind) => ({
      kind,
      threshold: RULE_THRESHOLDS[kind] === null ? null : Number(form.get(`${kind}.threshold`)),
      enabled: true,
    }));
    setSaved(false);
    action.run({ slug, rules: next }, () => {
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Alert rules" noValidate>
      <p className="text-xs text-[var(--muted)]">Co-degradation and the data-quality alarm are always evaluated; these rules come on top.</p>
      {ALERT_RULE_KINDS.map((kind) => {
        const range = RULE_THRESHOLDS[kind];
        const rule = byKind.get(kind);
        return (
          <div key={kind} className="flex flex-wrap items-center gap-3 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name={`${kind}.enabled`} defaultChecked={rule?.enabled ?? false} />
              <span>{LABELS[kind]}</span>
            </label>
            {range ? (
              <Input
                name={`${kind}.threshold`}
                type="number"
                aria-label={`${kind} threshold (${range.unit})`}
                min={range.min}
                max={range.max}
                step="any"
                defaultValue={rule?.threshold ?? range.default}
                className="w-24"
              />
            ) : null}
          </div>
        );
      })}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={action.isPending}>
          Save rules
        </Button>
        {saved ? <span className="text-sm text-emerald-700 dark:text-emerald-300">Saved.</span> : null}
      </div>
      {action.error ? <Notice tone="error">{action.error}</Notice> : null}
      {Object.entries(action.fieldErrors).map(([field, messages]) => (
        <Notice key={field} tone="error">
          {messages.join(" ")}
        </Notice>
      ))}
    </form>
  );
}
