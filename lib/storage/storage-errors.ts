import { AppError } from "@/lib/errors";

// A write to the image store that the volume refuses is the operator's problem, not the client's
// and not a bug: a full store answers 507 and a read-only (or unwritable) one 503, both with
// Retry-After and a message saying nothing was stored, so clients keep the image and retry later.
// Pure: it reads the error's `code` only.

const FULL = new Set(["ENOSPC", "EDQUOT"]);
const READ_ONLY = new Set(["EROFS", "EACCES", "EPERM"]);

export const STORAGE_RETRY_AFTER_SECONDS = { full: 60, readOnly: 30 } as const;

/** The AppError for a refused write to the image store, or null when `error` is something else. */
export function storageWriteError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (FULL.has(code)) {
    return new AppError(
      "INSUFFICIENT_STORAGE",
      "The image store is full; nothing was stored. Free space on its volume, then retry.",
      { store: "full" },
      {
        "retry-after": String(STORAGE_RETRY_AFTER_SECONDS.full),
      },
    );
  }
  if (READ_ONLY.has(code)) {
    return new AppError(
      "UNAVAILABLE",
      "The image store cannot be written right now (read-only); nothing was stored. Retry shortly.",
      { store: "read-only" },
      {
        "retry-after": String(STORAGE_RETRY_AFTER_SECONDS.readOnly),
      },
    );
  }
  return null;
}

/** Whether `error` is a write the image store's volume refused (what storageWriteError made). */
export function isStorageWriteRefusal(error: unknown): boolean {
  if (!(error instanceof AppError)) return storageWriteError(error) !== null;
  const store = (error.details as { store?: unknown } | undefined)?.store;
  return store === "full" || store === "read-only";
}
