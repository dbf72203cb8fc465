"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a run is `running`, re-renders the page from the server every `seconds` (only when visible). */
export function LiveRefresh({ seconds = 15 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-[var(--muted)]" title={`Refreshes every ${seconds} s while the run is running`}>
      <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
      live
    </span>
  );
}
