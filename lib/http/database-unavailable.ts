// Whether an error means "the database cannot be reached right now" (server restarting, network
// gone, connection killed) rather than "this request is wrong": such a request gets 503 with
// Retry-After, which every client retries, instead of a 500. Pure: it reads error shapes only —
// node-postgres (`code` = SQLSTATE or a socket errno), Prisma's driver-adapter errors (the original
// in `cause`) and Prisma's own connection codes.

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // Prisma: server has closed the connection
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /can't reach database server/i,
  /server closed the connection unexpectedly/i,
  /connect ECONNREFUSED/i,
];

/** True when the error, or any error it wraps, is a lost or refused database connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; errors?: unknown; meta?: unknown };
    for (const code of [e.code, e.originalCode]) if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
    queue.push(e.cause, e.meta);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;
