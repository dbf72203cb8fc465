"use client";

import { Button } from "@/components/ui/button";

/** Saves text built on click (CSV of what is drawn, LaTeX of a table) as a file. */
export function DownloadButton({
  label,
  filename,
  mime = "text/csv",
  build,
  ariaLabel,
}: {
  label: string;
  filename: string;
  mime?: string;
  build: () => string;
  ariaLabel?: string;
}) {
  function save() {
    const url = URL.createObjectURL(new Blob([build()], { type: `${mime};charset=utf-8` }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <Button variant="secondary" size="sm" onClick={save} aria-label={ariaLabel ?? `${label}: ${filename}`}>
      {label}
    </Button>
  );
}

/** A file name from a chart title: lowercase, dashes, no path characters. */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80) || "chart"
  );
}
