// Dates as people read them in tables: "2026-11-26 09:51" in UTC, so every viewer sees the same text
// and server and client render alike (no hydration mismatch).

export function formatDateTime(iso: string | null | undefined, empty = "—"): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : empty;
}
