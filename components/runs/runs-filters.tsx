"use client";

import { useRouter } from "next/navigation";

import { Select } from "@/components/ui/select";
import { useUrlSearch } from "@/components/dashboard/url-search-store";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { RUN_STATUSES, runListHref, type TRunListQuery } from "@/lib/runs/list-query";

type TFacets = { methods: string[]; tags: string[]; benchmarks: string[] };

function FilterSelect({ name, label, value, options }: { name: string; label: string; value?: string; options: readonly string[] }) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
      {label}
      <Select name={name} defaultValue={value ?? ""} className="min-w-28">
        <option value="">any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** Search and filters; applying them restarts paging and keeps the selection. */
export function RunsFilters({ base, query, facets }: { base: string; query: TRunListQuery; facets: TFacets }) {
  const router = useRouter();
  const sel = useUrlSearch().get("sel");
  function apply(form: FormData) {
    const text = (k: string) => String(form.get(k) ?? "").trim() || undefined;
    const status = text("status") as TRunListQuery["status"];
    const href = runListHref(base, query, { q: text("q"), method: text("method"), tag: text("tag"), benchmark: text("benchmark"), status });
    router.push(sel ? `${href}${href.includes("?") ? "&" : "?"}sel=${encodeURIComponent(sel)}` : href);
  }
  return (
    <form action={apply} className="mb-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter runs">
      <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
        search
        <Input name="q" defaultValue={query.q ?? ""} placeholder="run name" className="w-56" maxLength={200} />
      </label>
      <FilterSelect name="method" label="method" value={query.method} options={facets.methods} />
      <FilterSelect name="tag" label="tag" value={query.tag} options={facets.tags} />
      <FilterSelect name="status" label="status" value={query.status} options={RUN_STATUSES} />
      <FilterSelect name="benchmark" label="benchmark" value={query.benchmark} options={facets.benchmarks} />
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </form>
  );
}
