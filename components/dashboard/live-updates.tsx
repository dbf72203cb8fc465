"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { useShareLinkId } from "./share-context";

/** A changes endpoint (`/api/v1/…/changes`, without `since`) and the version the page was rendered at. */
export type TLiveSource = { url: string; version: string };

const POLL_MS = 5_000;

function withSince(url: string, since: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}since=${encodeURIComponent(since)}`;
}

/**
 * While `active` and the tab is visible, asks each source "changed since my version?" every 5 s (and at
 * once when the tab becomes visible again); on a change it calls `router.refresh()`, which re-renders the
 * server components in place: client state (chart zoom, open details, scroll) and the URL's filters stay.
 * Hidden tabs ask nothing. `bench:live` measured this against server-sent events (README, "Live runs").
 */
export function LiveUpdates({ sources, active, label = "live" }: { sources: readonly TLiveSource[]; active: boolean; label?: string }) {
  const router = useRouter();
  const share = useShareLinkId();
  const versions = useRef(new Map<string, string>());
  const [refreshes, setRefreshes] = useState(0);
  const key = sources.map((s) => `${s.url}#${s.version}`).join(" ");

  useEffect(() => {
    // A server render carries the versions it read before its data: start from those.
    for (const source of sources) versions.current.set(source.url, source.version);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the sources' identity
  }, [key]);

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let busy = false;
    const headers: HeadersInit = share ? { accept: "application/json", "x-unigap-share": share } : { accept: "application/json" };
    const poll = async () => {
      if (busy || stopped || document.visibilityState !== "visible") return;
      busy = true;
      try {
        const answers = await Promise.all(
          sources.map(async ({ url }) => {
            const response = await fetch(withSince(url, versions.current.get(url) ?? ""), { headers, cache: "no-store" });
            if (!response.ok) return null;
            return { url, ...((await response.json()) as { version: string; changed: boolean }) };
          }),
        );
        const changed = answers.filter((a) => a?.changed);
        for (const answer of changed) versions.current.set(answer!.url, answer!.version);
        if (changed.length > 0 && !stopped) {
          router.refresh();
          setRefreshes((n) => n + 1);
        }
      } catch {
        // Offline or restarting: the next tick asks again.
      } finally {
        busy = false;
      }
    };
    const tick = () => {
      timer = setTimeout(async () => {
        await poll();
        if (!stopped) tick();
      }, POLL_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") void poll();
    };
    tick();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart only when what is watched changes
  }, [active, share, key, router]);

  if (!active) return null;
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-[var(--muted)]"
      title="Checks for new data every 5 s while this tab is visible"
      data-testid="live-updates"
      data-refreshes={refreshes}
    >
      <span className="h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
      {label}
    </span>
  );
}
