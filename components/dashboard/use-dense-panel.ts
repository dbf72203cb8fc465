"use client";

import { useEffect, useState } from "react";

import type { TDensePanel } from "@/lib/series/types";

import { useShareLinkId } from "./share-context";

export type TDenseFetch = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; panel: TDensePanel };

/**
 * Fetches one dense-curve panel from the server; a new range re-queries, a stale answer is dropped.
 * `version` changes when the server re-renders with more points (live refresh of a running run).
 */
export function useDensePanel(runIds: readonly string[], key: string, from: number | undefined, to: number | undefined, version = ""): TDenseFetch {
  const params = new URLSearchParams({ runs: runIds.join(","), key });
  if (from !== undefined) params.set("from", String(from));
  if (to !== undefined) params.set("to", String(to));
  const url = `/api/series/buckets?${params.toString()}`;
  const request = `${url}#${version}`;
  // The answer remembers which request it belongs to: a changed range reads as loading at once.
  const [answer, setAnswer] = useState<{ request: string; result: TDenseFetch } | null>(null);
  const share = useShareLinkId();
  useEffect(() => {
    const controller = new AbortController();
    const setResult = (result: TDenseFetch) => setAnswer({ request, result });
    fetch(url, { signal: controller.signal, headers: share ? { accept: "application/json", "x-unigap-share": share } : { accept: "application/json" } })
      .then(async (response) => {
        const body: unknown = await response.json().catch(() => null);
        if (!response.ok) {
          const message = (body as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${response.status}.`;
          setResult({ status: "error", message });
        } else setResult({ status: "ready", panel: body as TDensePanel });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ status: "error", message: error instanceof Error ? error.message : "The request failed." });
      });
    return () => controller.abort();
  }, [url, request, share]);
  // A refresh keeps the drawn chart until the new answer arrives; a new range shows loading.
  if (answer?.request === request) return answer.result;
  return answer && answer.request.startsWith(`${url}#`) ? answer.result : { status: "loading" };
}
