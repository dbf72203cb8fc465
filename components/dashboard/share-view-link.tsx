"use client";

import { useRouter } from "next/navigation";

/**
 * "Share…" on a run or compare page: opens the project's share-link form with this run, or these
 * runs and the view as it is now (axes, smoothing, zoom, subtasks: the URL's query), filled in.
 */
export function ShareViewLink({ slug, runIds }: { slug: string; runIds: readonly string[] }) {
  const router = useRouter();
  const open = () => {
    const q = new URLSearchParams();
    if (runIds.length === 1) {
      q.set("share", "run");
      q.set("run", runIds[0]!);
    } else {
      q.set("share", "comparison");
      q.set("runs", runIds.join(","));
      const view = new URLSearchParams(window.location.search);
      view.delete("runs");
      if (view.size > 0) q.set("view", view.toString());
    }
    router.push(`/p/${encodeURIComponent(slug)}/settings?${q.toString()}#share-links`);
  };
  return (
    <button type="button" onClick={open} className="rounded-md border border-[var(--border)] px-2.5 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-900">
      Share…
    </button>
  );
}
