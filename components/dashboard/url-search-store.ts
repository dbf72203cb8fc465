"use client";

import { useSearchParams } from "next/navigation";
import { useSyncExternalStore } from "react";

// The query string as one store every client component reads synchronously. Next.js folds
// history.replaceState into useSearchParams inside a transition, so a controlled checkbox would
// flick back before the URL caught up; this store updates all readers in the same tick.

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function useUrlSearch(): URLSearchParams {
  const serverSearch = useSearchParams().toString();
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search.replace(/^\?/, ""),
    () => serverSearch,
  );
  return new URLSearchParams(search);
}

/** Replaces the query string (no navigation, no server round trip) and tells every reader. */
export function replaceSearch(search: URLSearchParams) {
  const qs = search.toString();
  window.history.replaceState(null, "", qs ? `${window.location.pathname}?${qs}` : window.location.pathname);
  for (const listener of listeners) listener();
}
