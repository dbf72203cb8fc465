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
    const details = error.issues.flatMap((issue) => describeIssue(issue, []));
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

type TIssue = { code: string; path: PropertyKey[]; message: string; errors?: TIssue[][]; keys?: string[] };

/**
 * One issue as `{ path, message }`s a person can act on. A union's issue becomes the issues of the
 * branch the input was meant for — the one whose complaints are about values that are there rather
 * than keys that are missing, then the one that got deepest — so `samples.0.prompt.text` is named
 * instead of "samples.0.prompt: Invalid input". An unknown key is named as its own path.
 */
function describeIssue(issue: TIssue, prefix: PropertyKey[]): { path: string; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    return issue.keys.map((key) => ({ path: [...path, key].map(String).join("."), message: `${JSON.stringify(key)} is not a field here` }));
  }
  if (issue.code === "invalid_union" && issue.errors?.length) {
    const score = (branch: TIssue[]) => [
      branch.filter((i) => !/received undefined$/.test(i.message)).length,
      Math.max(0, ...branch.map((i) => i.path.length)),
      -branch.length,
    ];
    const compare = (a: number[], b: number[]) => a.map((v, i) => v - b[i]!).find((d) => d !== 0) ?? 0;
    const best = issue.errors.reduce((a, b) => (compare(score(b), score(a)) > 0 ? b : a));
    if (best.length > 0) return best.flatMap((inner) => describeIssue(inner, path));
  }
  return [{ path: path.map(String).join("."), message: issue.message }];
}

function body(code: string, message: string, details?: unknown): TErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
