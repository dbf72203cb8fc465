import { ZodError } from "zod";

import { AppError, ERROR_STATUS } from "@/lib/errors";

import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./database-unavailable";

type TErrorBody = { error: { code: string; message: string; details?: unknown } };

/** Maps any thrown value to the API's error shape; unknown errors are logged and hidden. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(body(error.code, error.message, error.details), { status: error.status, headers: error.headers });
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const first = details[0];
    const message = first ? `Invalid input at ${first.path || "(root)"}: ${first.message}` : "Invalid input.";
    return Response.json(body("INVALID_INPUT", message, details), { status: ERROR_STATUS.INVALID_INPUT });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[unigap] database unavailable: ${(error as Error).message}`);
    const message = "The database cannot be reached right now; nothing was stored. Retry shortly.";
    return Response.json(body("UNAVAILABLE", message), { status: ERROR_STATUS.UNAVAILABLE, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } });
  }
  console.error("[unigap] unhandled error", error);
  return Response.json(body("INTERNAL", "Internal server error."), { status: 500 });
}

function body(code: string, message: string, details?: unknown): TErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
