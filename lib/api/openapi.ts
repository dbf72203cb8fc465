import { z } from "zod";

import { ZErrorBody } from "./contracts/common";
import { ENDPOINTS, type TEndpoint } from "./endpoints";

// OpenAPI 3.1 from the zod contracts (3.1's schemas are JSON Schema 2020-12, which zod emits).
// Request schemas describe what clients send (`io: "input"`), responses what the server returns.

type TJsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  401: "Missing, malformed or revoked API key",
  403: "The key or user may not do this (e.g. the key belongs to another project)",
  404: "No such run or image (another project's run, or one outside a share link's scope, looks the same)",
  409: "Different data under an existing natural key; details list each conflict",
  413: "Batch over its item or byte limit",
  415: "Not a PNG, JPEG or WebP image",
  422: "Invalid input; details name each offending path (e.g. points.17.value)",
  429: "Too many requests with this key; see Retry-After",
  503: "The database or the image store cannot take writes right now; nothing was stored, see Retry-After",
  507: "The image store is full; nothing was stored, see Retry-After",
};

function schema(type: z.ZodType, io: "input" | "output"): TJsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, target: "draft-2020-12", unrepresentable: "any" }) as TJsonSchema;
  return rest;
}

function parameters(endpoint: TEndpoint): TJsonSchema[] {
  const place = (where: "path" | "query", object: z.ZodObject | undefined) =>
    Object.entries(object?.shape ?? {}).map(([name, field]) => ({
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      schema: schema(field as z.ZodType, "input"),
    }));
  return [...place("path", endpoint.params), ...place("query", endpoint.query)];
}

const SECURITY: Record<TEndpoint["auth"], TJsonSchema[]> = {
  apiKey: [{ apiKey: [] }],
  apiKeyOrSession: [{ apiKey: [] }, { session: [] }],
  any: [{ apiKey: [] }, { session: [] }, { shareLink: [] }],
};

function operation(endpoint: TEndpoint): TJsonSchema {
  const errors = Object.fromEntries(
    endpoint.errors.map((status) => [
      String(status),
      { description: STATUS_TEXT[status] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  const body = endpoint.body
    ? { required: true, content: { "application/json": { schema: schema(endpoint.body, "input") } } }
    : endpoint.rawBody
      ? {
          required: true,
          description: endpoint.rawBody,
          content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
        }
      : undefined;
  const ok = endpoint.response
    ? { description: "OK", content: { "application/json": { schema: schema(endpoint.response, "output") } } }
    : { description: "OK" };
  return {
    summary: endpoint.summary,
    description: endpoint.description,
    operationId: `${endpoint.method}${endpoint.path.replace(/[^a-zA-Z]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    security: SECURITY[endpoint.auth],
    parameters: parameters(endpoint),
    ...(body ? { requestBody: body } : {}),
    responses: { [String(endpoint.status)]: ok, ...errors },
  };
}

export function buildOpenApiDocument(): TJsonSchema {
  const paths: Record<string, Record<string, TJsonSchema>> = {};
  for (const endpoint of ENDPOINTS) (paths[endpoint.path] ??= {})[endpoint.method] = operation(endpoint);
  return {
    openapi: "3.1.0",
    info: {
      title: "unigap ingest API",
      version: "1",
      description:
        "Send runs, metric points, prompts, images, samples and judgments from training code (every batch is atomic and idempotent), and read back the paper's metrics: the run summary, the supervision audit, the curriculum and verdict flips.",
    },
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A project API key (ugk_…), created in the project's settings." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A signed-in browser session (read-only endpoints)." },
        shareLink: { type: "http", scheme: "bearer", description: "A share link's token (ugs_…): read-only, the runs of its scope only." },
      },
      schemas: { Error: schema(ZErrorBody, "output") },
    },
  };
}
