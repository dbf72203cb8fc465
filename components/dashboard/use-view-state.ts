"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

import { parseViewState, serializeViewState, type TViewState } from "@/lib/dashboard/view-state";

/**
 * The view (axes, smoothing, zoom, metrics, subtasks, table checkpoint) read from and written to
 * the URL. Writes use history.replaceState, which Next.js folds into useSearchParams without a
 * server round-trip, so a copied link always reopens what is on screen.
 */
export function useViewState(): [TViewState, (patch: Partial<TViewState>) => void] {
  const search = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseViewState(new URLSearchParams(search.toString())), [search]);
  const update = useCallback(
    (patch: Partial<TViewState>) => {
      const current = new URLSearchParams(window.location.search);
      const next = serializeViewState({ ...parseViewState(current), ...patch }, current);
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [pathname],
  );
  return [view, update];
}
