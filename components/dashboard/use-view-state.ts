"use client";

import { useCallback, useMemo } from "react";

import { parseViewState, serializeViewState, type TViewState } from "@/lib/dashboard/view-state";

import { replaceSearch, useUrlSearch } from "./url-search-store";

/**
 * The view (axes, smoothing, zoom, metrics, subtasks, table checkpoint) read from and written to
 * the URL, so a copied link always reopens what is on screen.
 */
export function useViewState(): [TViewState, (patch: Partial<TViewState>) => void] {
  const search = useUrlSearch().toString();
  const view = useMemo(() => parseViewState(new URLSearchParams(search)), [search]);
  const update = useCallback((patch: Partial<TViewState>) => {
    const current = new URLSearchParams(window.location.search);
    replaceSearch(new URLSearchParams(serializeViewState({ ...parseViewState(current), ...patch }, current)));
  }, []);
  return [view, update];
}
