// The client's HTTP layer: bearer auth, JSON, and retries that are safe because every write is
// idempotent (natural keys, externalId): connection errors, 5xx and 429 are retried with backoff.

export class UnigapApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "UnigapApiError";
  }
}

export type THttpOptions = {
  url: string;
  apiKey: string;
  /** Attempts per request (default 5). */
  attempts?: number;
  /** Milliseconds before the first retry; doubles each time (default 500). */
  backoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

export type THttp = {
  request<T>(method: string, path: string, body?: unknown, raw?: Uint8Array): Promise<{ status: number; body: T }>;
  /** PUTs bytes to a presigned object-storage URL (no bearer token: the URL carries its own signature), with the same retries. */
  putPresigned(url: string, bytes: Uint8Array): Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHttp(options: THttpOptions): THttp {
  const base = options.url.replace(/\/+$/, "");
  const attempts = options.attempts ?? 5;
  const backoff = options.backoffMs ?? 500;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  return {
    async request<T>(method: string, path: string, body?: unknown, raw?: Uint8Array) {
      const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}` };
      if (body !== undefined) headers["content-type"] = "application/json";
      if (raw) headers["content-type"] = "application/octet-stream";
      const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
      for (let attempt = 1; ; attempt++) {
        let response: Response;
        try {
          response = await doFetch(`${base}${path}`, { method, headers, body: payload as BodyInit | undefined });
        } catch (error) {
          if (attempt >= attempts) throw new UnigapApiError(0, "UNREACHABLE", `Cannot reach ${base}: ${(error as Error).message}`);
          await sleep(backoff * 2 ** (attempt - 1));
          continue;
        }
        const retryable = response.status >= 500 || response.status === 429;
        if (retryable && attempt < attempts) {
          const retryAfter = Number(response.headers.get("retry-after") ?? NaN);
          await response.body?.cancel();
          await sleep(Number.isFinite(retryAfter) ? retryAfter * 1000 : backoff * 2 ** (attempt - 1));
          continue;
        }
        const text = method === "HEAD" ? "" : await response.text();
        const parsed: unknown = text ? JSON.parse(text) : null;
        if (!response.ok && response.status !== 404) throw toError(response.status, parsed);
        if (response.status === 404 && method !== "HEAD") throw toError(404, parsed);
        return { status: response.status, body: parsed as T };
      }
    },
    async putPresigned(url: string, bytes: Uint8Array) {
      for (let attempt = 1; ; attempt++) {
        let response: Response;
        try {
          response = await doFetch(url, { method: "PUT", body: bytes as BodyInit });
        } catch (error) {
          if (attempt >= attempts)
            throw new UnigapApiError(0, "UNREACHABLE", `Cannot reach the object store at ${new URL(url).host}: ${(error as Error).message}`);
          await sleep(backoff * 2 ** (attempt - 1));
          continue;
        }
        const text = await response.text();
        if (response.ok) return;
        if ((response.status >= 500 || response.status === 429) && attempt < attempts) {
          await sleep(backoff * 2 ** (attempt - 1));
          continue;
        }
        throw new UnigapApiError(response.status, "UPLOAD_FAILED", `The object store refused the upload (HTTP ${response.status}): ${text.slice(0, 300)}`);
      }
    },
  };
}

function toError(status: number, body: unknown): UnigapApiError {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new UnigapApiError(status, error?.code ?? "HTTP_ERROR", error?.message ?? `HTTP ${status}`, error?.details);
}
