import Link from "next/link";

import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatCount } from "@/lib/dashboard/format";
import { explorerHref, VERDICT_CLASS_LABEL, VERDICT_CLASSES, type TExplorerQuery } from "@/lib/samples/explorer-query";
import type { TExplorerPageDTO, TFacetValue } from "@/lib/samples/types";
import { cn } from "@/lib/ui/cn";

function FacetSelect({
  name,
  label,
  value,
  options,
  anyLabel = "any",
}: {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
      {label}
      <Select name={name} defaultValue={value ?? ""} className="min-w-28 max-w-64">
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

const withCounts = (values: TFacetValue[]) => values.map((v) => ({ value: v.value, label: `${v.value || "(none)"} (${formatCount(v.count)})` }));

/**
 * The explorer's filters as a plain GET form (works without JavaScript), counts in every option, and
 * the verdict classes as links with their counts within the other filters.
 */
export function ExplorerFilters({ slug, page }: { slug: string; page: TExplorerPageDTO }) {
  const query: TExplorerQuery = { ...page.query, run: page.runId ?? undefined, step: page.step ?? "all" };
  const stepValue = String(query.step);
  return (
    <div className="mb-4 flex flex-col gap-3">
      <form method="get" action={`/p/${slug}/samples`} className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter samples">
        <FacetSelect name="run" label="run" value={page.runId ?? undefined} options={page.runs.map((r) => ({ value: r.id, label: r.name }))} anyLabel="" />
        <FacetSelect
          name="step"
          label="checkpoint"
          value={stepValue}
          options={[
            { value: "all", label: "all checkpoints" },
            ...page.steps.map((s) => ({ value: String(s.step), label: `step ${s.step} (${formatCount(s.count)})` })),
          ]}
          anyLabel=""
        />
        <FacetSelect name="benchmark" label="benchmark" value={query.benchmark} options={withCounts(page.facets.benchmark)} />
        <FacetSelect name="subtask" label="subtask" value={query.subtask} options={withCounts(page.facets.subtask)} />
        <FacetSelect name="role" label="role" value={query.role} options={withCounts(page.facets.role)} />
        {query.class ? <input type="hidden" name="class" value={query.class} /> : null}
        <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
          prompt contains
          <Input name="q" defaultValue={query.q ?? ""} placeholder="e.g. red bench" className="w-52" maxLength={200} />
        </label>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
      <nav aria-label="Verdict class" className="flex flex-wrap gap-1.5 text-xs">
        {[undefined, ...VERDICT_CLASSES].map((cls) => {
          const active = query.class === cls;
          const count = cls ? page.classCounts[cls] : page.classCounts.total;
          return (
            <Link
              key={cls ?? "all"}
              href={explorerHref(slug, query, { class: cls })}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-full border px-2.5 py-1",
                active ? "border-indigo-500 bg-indigo-600 text-white" : "border-[var(--border)] bg-[var(--panel)] text-[var(--text)] hover:border-indigo-400",
              )}
            >
              {cls ? VERDICT_CLASS_LABEL[cls] : "all images"} <span className={active ? "text-indigo-100" : "text-[var(--muted)]"}>{formatCount(count)}</span>
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
