"use client";

import Link from "next/link";
import type { ComponentProps } from "react";

import { replaceSearch, useUrlSearch } from "@/components/dashboard/url-search-store";
import { ZCompareRuns } from "@/lib/dashboard/view-state";

const MAX_COMPARE = 4;

function readSelection(search: URLSearchParams): string[] {
  return (search.get("sel") ?? "").split(",").filter(Boolean).slice(0, MAX_COMPARE);
}

function writeSelection(ids: string[]) {
  const params = new URLSearchParams(window.location.search);
  if (ids.length) params.set("sel", ids.join(","));
  else params.delete("sel");
  replaceSearch(params);
}

/** A row's checkbox: the selection lives in the URL (`sel`), so it survives paging and sorting. */
export function SelectRun({ runId, runName }: { runId: string; runName: string }) {
  const selected = readSelection(useUrlSearch());
  const isChecked = selected.includes(runId);
  const isFull = selected.length >= MAX_COMPARE && !isChecked;
  return (
    <input
      type="checkbox"
      checked={isChecked}
      disabled={isFull}
      onChange={() => writeSelection(isChecked ? selected.filter((id) => id !== runId) : [...selected, runId])}
      aria-label={`Select ${runName} for comparison`}
      title={isFull ? `At most ${MAX_COMPARE} runs can be compared` : undefined}
      className="h-4 w-4 accent-indigo-600"
    />
  );
}

/** "Compare" appears once 2–4 runs are selected. */
export function CompareBar({ slug }: { slug: string }) {
  const selected = readSelection(useUrlSearch());
  const isValid = ZCompareRuns.safeParse(selected.join(",")).success;
  return (
    <div className="flex items-center gap-2 text-sm" aria-live="polite">
      <span className="text-[var(--muted)]">{selected.length ? `${selected.length} selected` : `select 2–${MAX_COMPARE} runs to compare`}</span>
      {isValid ? (
        <Link
          href={`/p/${slug}/compare?runs=${selected.join(",")}`}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
        >
          Compare {selected.length} runs
        </Link>
      ) : null}
      {selected.length ? (
        <button type="button" onClick={() => writeSelection([])} className="text-xs text-[var(--muted)] underline">
          clear
        </button>
      ) : null}
    </div>
  );
}

/** A link that carries the current selection along (sorting and paging keep what was ticked). */
export function KeepSelectionLink({ href, ...props }: ComponentProps<typeof Link> & { href: string }) {
  const sel = useUrlSearch().get("sel");
  const target = sel ? `${href}${href.includes("?") ? "&" : "?"}sel=${encodeURIComponent(sel)}` : href;
  return <Link href={target} {...props} />;
}
