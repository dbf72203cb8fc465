import { z } from "zod";

import { ENDPOINTS, type TEndpoint } from "./endpoints";

// Prepares the API page: one card per endpoint with its fields as rows (name, type, required,
// constraints), read from the same zod contracts as the routes. Pure; the page only renders it.

export type TDocField = { name: string; type: string; required: boolean; notes: string };
export type TDocEndpoint = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  auth: string;
  params: TDocField[];
  body: TDocField[];
  rawBody: string | null;
  errors: number[];
};

type TJson = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: TJson[];
  items?: TJson;
  properties?: Record<string, TJson>;
  required?: string[];
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  default?: unknown;
  description?: string;
};

function typeName(s: TJson): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return [...new Set(s.anyOf.map(typeName))].join(" | ");
  if (s.type === "array") return `${s.items ? typeName(s.items) : "value"}[]`;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (s.type === "object") return s.properties ? "object" : "JSON";
  return s.type ?? (s.format ? s.format : "JSON");
}

function notes(s: TJson): string {
  const parts = [
    s.maxItems !== undefined ? `≤ ${s.maxItems.toLocaleString("en")} items` : "",
    s.maxLength !== undefined ? `≤ ${s.maxLength.toLocaleString("en")} chars` : "",
    s.format ? s.format : "",
    s.default !== undefined ? `default ${JSON.stringify(s.default)}` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

/** Flattens an object schema into dotted rows, one level into arrays of objects (`samples[].step`). */
function fields(s: TJson, prefix = "", depth = 0): TDocField[] {
  const properties = s.properties ?? {};
  return Object.entries(properties).flatMap(([name, child]) => {
    const row = { name: `${prefix}${name}`, type: typeName(child), required: (s.required ?? []).includes(name), notes: notes(child) };
    const nested = child.type === "array" && child.items?.properties ? child.items : child.properties ? child : null;
    const suffix = child.type === "array" ? "[]." : ".";
    return nested && depth < 2 ? [row, ...fields(nested, `${prefix}${name}${suffix}`, depth + 1)] : [row];
  });
}

function toJson(type: z.ZodType): TJson {
  return z.toJSONSchema(type, { io: "input", unrepresentable: "any" }) as TJson;
}

const AUTH_LABEL: Record<TEndpoint["auth"], string> = {
  apiKey: "API key",
  apiKeyOrSession: "API key or signed-in session",
  any: "API key, signed-in session or share link",
};

function toDoc(e: TEndpoint): TDocEndpoint {
  return {
    id: `${e.method}-${e.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`,
    method: e.method.toUpperCase(),
    path: e.path,
    summary: e.summary,
    description: e.description,
    auth: AUTH_LABEL[e.auth],
    params: [...(e.params ? fields(toJson(e.params)) : []), ...(e.query ? fields(toJson(e.query)) : [])],
    body: e.body ? fields(toJson(e.body)) : [],
    rawBody: e.rawBody ?? null,
    errors: e.errors,
  };
}

export function buildApiDocs(): TDocEndpoint[] {
  return ENDPOINTS.map(toDoc);
}
