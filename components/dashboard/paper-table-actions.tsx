"use client";

import { useState } from "react";

import { DownloadButton, fileSlug } from "@/components/charts/download-button";
import { Button } from "@/components/ui/button";
import { formatPaperTableRuns, type TPaperTableEntry } from "@/lib/api/contracts/paper-table";
import { paperTableCsv, paperTableLatex } from "@/lib/dashboard/export-paper-table";
import type { TPaperTable } from "@/lib/dashboard/prepare-paper-table";

import { PaperTableView } from "./paper-table-view";

const LINK =
  "inline-flex h-8 items-center rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 text-xs font-medium hover:bg-slate-100 dark:hover:bg-slate-800";

/** Copies the table's LaTeX (the same text as the download) to the clipboard and says whether it worked. */
function CopyLatexButton({ table, showIntervals }: { table: TPaperTable; showIntervals: boolean }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(paperTableLatex(table, { intervals: showIntervals }));
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <>
      <Button variant="secondary" size="sm" onClick={copy}>
        Copy LaTeX
      </Button>
      <span role="status" className="text-xs text-[var(--muted)]">
        {copied === "copied" ? "LaTeX copied." : copied === "failed" ? "The browser refused the clipboard; use Download LaTeX." : ""}
      </span>
    </>
  );
}

/** Downloads from GET /api/v1/paper-table (the same table, rendered by the server) and a copy of the LaTeX. */
export function PaperTableActions({ table, entries, showIntervals }: { table: TPaperTable; entries: readonly TPaperTableEntry[]; showIntervals: boolean }) {
  const query = (format: "csv" | "latex") =>
    `/api/v1/paper-table?${new URLSearchParams({ runs: formatPaperTableRuns(entries), benchmark: table.benchmark, format, ...(showIntervals ? { intervals: "1" } : {}) }).toString()}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a href={query("csv")} download className={LINK}>
        Download CSV
      </a>
      <a href={query("latex")} download className={LINK}>
        Download LaTeX
      </a>
      <CopyLatexButton table={table} showIntervals={showIntervals} />
    </div>
  );
}

/**
 * The table of a shared comparison: a share link reads pages with its cookie, which a plain download
 * link does not name, so the files are built here from the same model by the same renderers.
 */
export function SharedPaperTable({ table }: { table: TPaperTable }) {
  const [showIntervals, setShowIntervals] = useState(false);
  const stem = fileSlug(`paper-table-${table.benchmark}`);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showIntervals} onChange={(e) => setShowIntervals(e.target.checked)} className="h-4 w-4 accent-indigo-600" />
          Show 95% intervals
        </label>
        <DownloadButton label="Download CSV" filename={`${stem}.csv`} build={() => paperTableCsv(table)} />
        <DownloadButton
          label="Download LaTeX"
          filename={`${stem}.tex`}
          mime="application/x-tex"
          build={() => paperTableLatex(table, { intervals: showIntervals })}
        />
        <CopyLatexButton table={table} showIntervals={showIntervals} />
      </div>
      <PaperTableView table={table} showIntervals={showIntervals} />
    </div>
  );
}
