import { createHash } from "node:crypto";

import sharp from "sharp";

// The hostile-input corpus (issue 17): requests a trusted API must refuse precisely. Each case is
// a 4xx JSON error (naming the field where there is one), changes no table's row count, and leaves
// the server answering /api/health. Text fields are covered by generation: every field of every
// write route gets each of TEXT_VARIANTS. Hand-written cases cover types, enums, numbers, bodies,
// query strings, path parameters, tokens and image bytes.

export type THostileContext = {
  base: string;
  apiKey: string;
  slug: string;
  runId: string;
  /** An existing prompt's externalId, for judgments that refer to a logged sample. */
  promptId: string;
  unique: (prefix: string) => string;
};

export type THostileCase = {
  name: string;
  send: (c: THostileContext) => Promise<Response>;
  /** A dotted path the error must name (in its message or details). */
  field?: string;
  /** Exact status, when one is right (otherwise any 4xx). */
  status?: number;
  /** An HTML page route: only the status is checked. */
  page?: boolean;
};

const NUL = "a\u0000b";
const TEXT_VARIANTS: readonly { label: string; value: unknown; typed?: boolean }[] = [
  { label: "a NUL byte", value: NUL },
  { label: "a lone high surrogate", value: "a\ud800b" },
  { label: "a lone low surrogate", value: "a\udc00b" },
  { label: "a 1 MB string", value: "x".repeat(1 << 20) },
  { label: "a number", value: 42, typed: true },
  { label: "an object", value: { a: 1 }, typed: true },
];

function send(c: THostileContext, method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${c.apiKey}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  return fetch(`${c.base}${route}`, init);
}

function setPath(root: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
  return copy;
}

type TRoute = { method: string; route: (c: THostileContext) => string; base: (c: THostileContext) => unknown };
type TField = {
  path: string;
  required?: boolean;
  /** Any JSON value is valid here (config, spec): only text that cannot be stored is wrong. */ json?: boolean;
};

const ROUTES = {
  createRun: { method: "POST", route: () => "/api/v1/runs", base: (c) => ({ name: c.unique("hostile-run"), config: { lr: { note: "ok" } } }) },
  updateRun: { method: "PATCH", route: (c) => `/api/v1/runs/${c.runId}`, base: () => ({ notes: "ok" }) },
  prompts: {
    method: "POST",
    route: () => "/api/v1/prompts",
    base: (c) => ({ prompts: [{ externalId: c.unique("hostile/p"), text: "a red cube", benchmark: "geneval", subtask: "color", spec: { color: "red" } }] }),
  },
  metrics: {
    method: "POST",
    route: (c) => `/api/v1/runs/${c.runId}/metrics`,
    base: () => ({ points: [{ key: "loss", step: 0, value: 1, wallTime: 1_700_000_000 }] }),
  },
  samples: {
    method: "POST",
    route: (c) => `/api/v1/runs/${c.runId}/samples`,
    base: (c) => ({
      samples: [
        {
          step: 0,
          candidate: 0,
          role: "eval",
          prompt: { externalId: c.unique("hostile/s"), text: "a red cube", benchmark: "geneval", subtask: "color" },
          generationPrompt: "a red cube, photo",
          sourcePath: "outputs/00000/samples/0000.png",
          judgments: [{ kind: "external", judge: "geneval", verdict: 1, prob: 0.9, response: "yes", reason: "red and a cube" }],
        },
      ],
    }),
  },
  judgments: {
    method: "POST",
    route: (c) => `/api/v1/runs/${c.runId}/judgments`,
    base: (c) => ({
      judgments: [{ sample: { step: 0, prompt: c.promptId, candidate: 0 }, kind: "external", judge: "geneval", verdict: 1, response: "yes", reason: "ok" }],
    }),
  },
  webhooks: {
    method: "POST",
    route: (c) => `/api/v1/projects/${c.slug}/webhooks`,
    base: () => ({ url: "https://example.com/hook", events: ["alert.opened"], format: "json" }),
  },
  datasetPreview: { method: "POST", route: (c) => `/api/v1/runs/${c.runId}/datasets/preview`, base: () => ({ kind: "sft", step: 0, name: "hostile" }) },
  alertRules: { method: "PUT", route: (c) => `/api/v1/projects/${c.slug}/alert-rules`, base: () => ({ rules: [{ kind: "und_below_half", enabled: true }] }) },
} satisfies Record<string, TRoute>;

const TEXT_FIELDS: [keyof typeof ROUTES, TField[]][] = [
  [
    "createRun",
    [
      { path: "name", required: true },
      { path: "method" },
      { path: "tags" },
      { path: "notes" },
      { path: "externalId" },
      { path: "project" },
      { path: "config.lr.note", json: true },
    ],
  ],
  ["updateRun", [{ path: "name" }, { path: "notes" }, { path: "method" }]],
  [
    "prompts",
    [
      { path: "prompts.0.externalId", required: true },
      { path: "prompts.0.text", required: true },
      { path: "prompts.0.benchmark" },
      { path: "prompts.0.subtask" },
      { path: "prompts.0.spec.color", json: true },
    ],
  ],
  ["metrics", [{ path: "points.0.key", required: true }]],
  [
    "samples",
    [
      { path: "samples.0.prompt.externalId", required: true },
      { path: "samples.0.prompt.text", required: true },
      { path: "samples.0.prompt.benchmark" },
      { path: "samples.0.prompt.subtask" },
      { path: "samples.0.generationPrompt" },
      { path: "samples.0.sourcePath" },
      { path: "samples.0.judgments.0.judge", required: true },
      { path: "samples.0.judgments.0.response" },
      { path: "samples.0.judgments.0.reason" },
    ],
  ],
  [
    "judgments",
    [
      { path: "judgments.0.judge", required: true },
      { path: "judgments.0.response" },
      { path: "judgments.0.reason" },
      { path: "judgments.0.sample.prompt", required: true },
    ],
  ],
  ["webhooks", [{ path: "url", required: true }]],
  ["datasetPreview", [{ path: "name" }, { path: "externalJudge" }]],
];

function textCases(): THostileCase[] {
  const cases: THostileCase[] = [];
  for (const [routeName, fields] of TEXT_FIELDS) {
    const route: TRoute = ROUTES[routeName];
    for (const field of fields) {
      // `tags` is an array of text: the variant is its second element.
      const path = field.path === "tags" ? "tags.1" : field.path;
      const variants = TEXT_VARIANTS.filter((v) => !(field.json && v.typed));
      const all = field.required ? [...variants, { label: "an empty string", value: "" }] : variants;
      for (const variant of all) {
        cases.push({
          name: `${route.method} ${routeName} ${path}: ${variant.label}`,
          field: path,
          send: (c) => {
            const base = route.base(c) as Record<string, unknown>;
            const body = field.path === "tags" ? { ...base, tags: ["ok", variant.value] } : setPath(base, path, variant.value);
            return send(c, route.method, route.route(c), body);
          },
        });
      }
    }
  }
  return cases;
}

function valueCase(routeName: keyof typeof ROUTES, path: string, label: string, value: unknown, field = path): THostileCase {
  const route: TRoute = ROUTES[routeName];
  return {
    name: `${route.method} ${routeName} ${path}: ${label}`,
    field,
    send: (c) => send(c, route.method, route.route(c), setPath(route.base(c), path, value)),
  };
}

function typeCases(): THostileCase[] {
  return [
    valueCase("createRun", "config", "a config that is an array", [1, 2]),
    valueCase("createRun", "baselineRunId", "a baseline that is not a uuid", "run-1"),
    valueCase("createRun", "trainedOn", "trainedOn that is a string", "dataset-1"),
    valueCase("createRun", "tags", "tags that are a string", "a,b"),
    { ...valueCase("createRun", "config", "a NUL in a config key", { [NUL]: 1 }), field: `config.${NUL}` },
    { ...valueCase("createRun", "config", "a lone surrogate in a config key", { "a\ud800": 1 }), field: "config" },
    valueCase("updateRun", "status", "an unknown status", "exploded"),
    valueCase("updateRun", "tags", "tags that are a number", 7),
    valueCase("prompts", "prompts.0.tier", "an unknown tier", "impossible"),
    valueCase("prompts", "prompts.0.split", "an unknown split", "holdout"),
    valueCase("prompts", "prompts", "an empty batch", []),
    valueCase("metrics", "points.0.step", "a negative step", -1),
    valueCase("metrics", "points.0.step", "a fractional step", 1.5),
    valueCase("metrics", "points.0.step", "a step as a string", "1"),
    valueCase("metrics", "points.0.step", "a step above int4", 2 ** 31),
    valueCase("metrics", "points.0.step", "a null step", null),
    valueCase("metrics", "points.0.value", "a value spelled nan", "nan"),
    valueCase("metrics", "points.0.value", "a boolean value", true),
    valueCase("metrics", "points.0.value", "an object value", { v: 1 }),
    valueCase("metrics", "points.0.value", "a missing value", undefined),
    valueCase("metrics", "points.0.wallTime", "a wall time in words", "yesterday"),
    valueCase("metrics", "points.0.key", "a key with a control character", "loss\u0007"),
    valueCase("metrics", "points", "points that are an object", { key: "loss" }),
    valueCase("samples", "samples.0.step", "a negative step", -1),
    valueCase("samples", "samples.0.candidate", "a negative candidate", -1),
    valueCase("samples", "samples.0.candidate", "a fractional candidate", 0.5),
    valueCase("samples", "samples.0.role", "an unknown role", "winner"),
    valueCase("samples", "samples.0.imageSha256", "an uppercase sha256", "A".repeat(64)),
    valueCase("samples", "samples.0.imageSha256", "a short sha256", "abc"),
    valueCase("samples", "samples.0.imageSha256", "a sha256 never uploaded", "0".repeat(64)),
    valueCase("samples", "samples.0.judgments.0.kind", "an unknown judge kind", "oracle"),
    valueCase("samples", "samples.0.judgments.0.verdict", "a verdict of 2", 2),
    valueCase("samples", "samples.0.judgments.0.verdict", "a verdict as a string", "1"),
    valueCase("samples", "samples.0.judgments.0.prob", "a probability above 1", 1.5),
    valueCase("samples", "samples.0.judgments.0.prob", "a negative probability", -0.1),
    valueCase("samples", "samples.0.judgments.0.prob", "a probability in words", "NaN"),
    valueCase("samples", "samples.0.judgments", "judgments that are an object", { kind: "self" }),
    valueCase("samples", "samples.0.prompt", "a prompt id with a NUL", NUL),
    valueCase("samples", "samples.0.prompt", "a prompt that is a number", 5),
    valueCase("judgments", "judgments.0.sample", "a sample id above bigint", { id: "99999999999999999999" }, "judgments.0.sample"),
    valueCase("judgments", "judgments.0.sample", "a negative sample id", { id: "-1" }, "judgments.0.sample"),
    valueCase("judgments", "judgments.0.sample", "a sample id in words", { id: "first" }, "judgments.0.sample"),
    valueCase("judgments", "judgments.0.kind", "an unknown judge kind", "oracle"),
    valueCase("webhooks", "events.0", "an unknown event", "alert.exploded"),
    valueCase("webhooks", "format", "an unknown format", "xml"),
    valueCase("webhooks", "url", "a javascript: URL", "javascript:alert(1)", "url"),
    valueCase("webhooks", "url", "a file: URL", "file:///etc/passwd", "url"),
    valueCase("webhooks", "url", "a loopback URL", "http://127.0.0.1:22/", "url"),
    valueCase("datasetPreview", "kind", "an unknown kind", "rlhf"),
    valueCase("datasetPreview", "step", "a negative step", -1),
    valueCase("datasetPreview", "judge", "an unknown judge", "oracle"),
    valueCase("datasetPreview", "minProb", "a probability above 1", 2),
    valueCase("alertRules", "rules.0.kind", "an unknown rule", "gen_exploded"),
    valueCase("alertRules", "rules", "one rule twice", [
      { kind: "und_below_half", enabled: true },
      { kind: "und_below_half", enabled: false },
    ]),
    valueCase("alertRules", "rules", "a threshold out of range", [{ kind: "subtask_non_above", threshold: 250, enabled: true }], "rules.0.threshold"),
  ];
}

function deep(depth: number): string {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

function bodyCases(): THostileCase[] {
  const metrics = (c: THostileContext) => `/api/v1/runs/${c.runId}/metrics`;
  const raw = (c: THostileContext, route: string, body: string | Uint8Array, contentType = "application/json") =>
    send(c, "POST", route, body, { "content-type": contentType });
  const point = (step: number, value: number) => ({ key: "loss", step, value });
  return [
    { name: "truncated JSON", send: (c) => raw(c, metrics(c), '{"points":[{"key":"loss","step":0'), field: "body" },
    { name: "an empty body", send: (c) => raw(c, metrics(c), ""), field: "body" },
    { name: "a JSON null body", send: (c) => raw(c, metrics(c), "null") },
    { name: "an array at the root", send: (c) => raw(c, metrics(c), "[]") },
    { name: "a string at the root", send: (c) => raw(c, metrics(c), '"points"') },
    { name: "a bare NaN token", send: (c) => raw(c, metrics(c), '{"points":[{"key":"loss","step":0,"value":NaN}]}'), field: "body" },
    { name: "a bare Infinity token", send: (c) => raw(c, metrics(c), '{"points":[{"key":"loss","step":0,"value":Infinity}]}'), field: "body" },
    { name: "JSON sent as text/plain", send: (c) => raw(c, metrics(c), JSON.stringify({ points: [point(0, 1)] }), "text/plain"), status: 415 },
    { name: "a form body", send: (c) => raw(c, metrics(c), "points=1", "application/x-www-form-urlencoded"), status: 415 },
    { name: "multipart instead of JSON", send: (c) => raw(c, metrics(c), "--x\r\n\r\n--x--", "multipart/form-data; boundary=x"), status: 415 },
    { name: "bytes that are not UTF-8", send: (c) => raw(c, metrics(c), new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), field: "body" },
    {
      name: "10,000-deep nesting in a run config",
      send: (c) => raw(c, "/api/v1/runs", `{"name":"${c.unique("deep")}","config":{"a":${deep(10_000)}}}`),
      field: "config",
    },
    {
      name: "10,000-deep nesting in a prompt spec",
      send: (c) => raw(c, "/api/v1/prompts", `{"prompts":[{"externalId":"${c.unique("deep")}","text":"a cube","spec":${deep(10_000)}}]}`),
      field: "prompts.0.spec",
    },
    { name: "10,000-deep nesting at the root", send: (c) => raw(c, metrics(c), deep(10_000)) },
    { name: "a 50 MB body", send: (c) => raw(c, metrics(c), `{"points":[],"pad":"${"x".repeat(50 * 1024 * 1024)}"}`), status: 413 },
    {
      name: "10,001 points in one batch",
      send: (c) => send(c, "POST", metrics(c), { points: Array.from({ length: 10_001 }, (_, i) => point(i, 1)) }),
      status: 413,
    },
    {
      name: "2,001 samples in one batch",
      send: (c) =>
        send(c, "POST", `/api/v1/runs/${c.runId}/samples`, {
          samples: Array.from({ length: 2_001 }, (_, i) => ({ step: 0, candidate: i, prompt: c.promptId })),
        }),
      status: 413,
    },
    { name: "one point twice with different values", send: (c) => send(c, "POST", metrics(c), { points: [point(7, 1), point(7, 2)] }), field: "points.1" },
    {
      name: "one sample twice with different judgments",
      send: (c) =>
        send(c, "POST", `/api/v1/runs/${c.runId}/samples`, {
          samples: [
            { step: 0, candidate: 9, prompt: c.promptId, judgments: [{ kind: "self", verdict: 1 }] },
            { step: 0, candidate: 9, prompt: c.promptId, judgments: [{ kind: "self", verdict: 0 }] },
          ],
        }),
      field: "samples.1",
    },
    { name: "an overwrite flag that is a string", send: (c) => send(c, "POST", metrics(c), { points: [point(0, 1)], overwrite: "yes" }), field: "overwrite" },
  ];
}

function queryAndPathCases(): THostileCase[] {
  const get = (c: THostileContext, route: string) => send(c, "GET", route);
  return [
    { name: "?name= with a NUL", send: (c) => get(c, "/api/v1/runs?name=a%00b"), field: "name" },
    { name: "?name= with an encoded lone surrogate", send: (c) => get(c, "/api/v1/runs?name=a%ED%A0%80b"), field: "name" },
    { name: "?name= with bytes that are not UTF-8", send: (c) => get(c, "/api/v1/runs?name=%FF%FE"), field: "name" },
    { name: "?tag= with a NUL", send: (c) => get(c, "/api/v1/runs?tag=%00") },
    { name: "?limit=0", send: (c) => get(c, "/api/v1/runs?limit=0"), field: "limit" },
    { name: "?limit=abc", send: (c) => get(c, "/api/v1/runs?limit=abc"), field: "limit" },
    { name: "?limit=201", send: (c) => get(c, "/api/v1/runs?limit=201"), field: "limit" },
    { name: "?limit=-5", send: (c) => get(c, "/api/v1/runs?limit=-5"), field: "limit" },
    { name: "?cursor= that the API never gave out", send: (c) => get(c, "/api/v1/runs?cursor=garbage"), field: "cursor" },
    { name: "?status= unknown", send: (c) => get(c, "/api/v1/runs?status=exploded"), field: "status" },
    { name: "samples ?step=-1", send: (c) => get(c, `/api/v1/runs/${c.runId}/samples?step=-1`), field: "step" },
    { name: "samples ?step=abc", send: (c) => get(c, `/api/v1/runs/${c.runId}/samples?step=abc`), field: "step" },
    { name: "samples ?cursor above bigint", send: (c) => get(c, `/api/v1/runs/${c.runId}/samples?step=0&cursor=99999999999999999999`), field: "cursor" },
    { name: "alerts ?status= unknown", send: (c) => get(c, `/api/v1/projects/${c.slug}/alerts?status=exploded`), field: "status" },
    { name: "changes ?since= in words", send: (c) => get(c, `/api/v1/runs/${c.runId}/changes?since=yesterday`), field: "since" },
    { name: "a run id that is not a uuid", send: (c) => get(c, "/api/v1/runs/run-1"), field: "runId" },
    { name: "a run id with a NUL", send: (c) => get(c, "/api/v1/runs/a%00b") },
    { name: "path traversal in a run id", send: (c) => get(c, "/api/v1/runs/..%2F..%2F..%2Fetc%2Fpasswd") },
    { name: "path traversal in a sample id", send: (c) => get(c, "/api/samples/..%2F..%2Fetc%2Fpasswd/image") },
    { name: "a sample id above bigint", send: (c) => get(c, "/api/samples/99999999999999999999/image") },
    { name: "a negative sample id", send: (c) => get(c, "/api/samples/-1/thumbnail?size=128") },
    { name: "an unknown thumbnail size", send: (c) => get(c, "/api/samples/1/thumbnail?size=4096"), field: "size" },
    {
      name: "a blob hash that is not hex",
      send: (c) => send(c, "PUT", `/api/v1/blobs/${"z".repeat(64)}`, new Uint8Array([1]), { "content-type": "image/png" }),
      field: "sha256",
    },
    {
      name: "path traversal in a blob hash",
      send: (c) => send(c, "PUT", "/api/v1/blobs/..%2F..%2Fetc%2Fpasswd", new Uint8Array([1]), { "content-type": "image/png" }),
    },
    { name: "a dataset id that is not a uuid", send: (c) => get(c, "/api/v1/datasets/first") },
    { name: "a project slug with a NUL", send: (c) => get(c, "/api/v1/projects/a%00b/alerts") },
    { name: "a project slug of 10,000 characters", send: (c) => get(c, `/api/v1/projects/${"a".repeat(10_000)}/alerts`) },
  ];
}

function tokenCases(): THostileCase[] {
  const withAuth = (c: THostileContext, authorization: string) => fetch(`${c.base}/api/v1/runs`, { headers: { authorization } });
  return [
    { name: "a Bearer key that is not a key", send: (c) => withAuth(c, "Bearer not-a-key"), status: 401 },
    { name: "a Bearer key with the right prefix and garbage", send: (c) => withAuth(c, `Bearer ugk_${"A".repeat(43)}`), status: 401 },
    { name: "a share token that does not exist", send: (c) => withAuth(c, `Bearer ugs_${"A".repeat(43)}`), status: 401 },
    { name: "a share token of 10,000 characters", send: (c) => withAuth(c, `Bearer ugs_${"A".repeat(10_000)}`), status: 401 },
    { name: "Basic authentication", send: (c) => withAuth(c, `Basic ${Buffer.from("demo:demo").toString("base64")}`), status: 401 },
    {
      name: "no Authorization header on a write",
      send: (c) => fetch(`${c.base}/api/v1/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      status: 401,
    },
    { name: "a share page with a garbage token", send: (c) => fetch(`${c.base}/share/${"x".repeat(43)}`), page: true, status: 404 },
    { name: "a share page with an encoded lone surrogate", send: (c) => fetch(`${c.base}/share/ugs_%ED%A0%80`), page: true, status: 400 },
    { name: "an invitation page with a garbage token", send: (c) => fetch(`${c.base}/invite/${"x".repeat(43)}`), page: true, status: 404 },
  ];
}

async function png(name: string, width = 8, height = 8): Promise<Buffer> {
  const digest = createHash("sha256").update(name).digest();
  return sharp({ create: { width, height, channels: 3, background: { r: digest[0]!, g: digest[1]!, b: digest[2]! } } })
    .png()
    .toBuffer();
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A valid-looking PNG whose header declares width × height pixels (a decompression bomb's header). */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.alloc(16)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function imageCases(): THostileCase[] {
  const upload = (c: THostileContext, bytes: Buffer, sha256 = createHash("sha256").update(bytes).digest("hex")) =>
    send(c, "PUT", `/api/v1/blobs/${sha256}`, new Uint8Array(bytes), { "content-type": "application/octet-stream" });
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="8" height="8"/></svg>');
  const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
  return [
    { name: "a truncated PNG", send: async (c) => upload(c, (await png(c.unique("trunc"), 64, 64)).subarray(0, 60)), field: "body" },
    { name: "a PNG whose header claims 30,000 × 30,000 pixels", send: (c) => upload(c, pngDeclaring(30_000, 30_000)) },
    { name: "an SVG with a script", send: (c) => upload(c, svg), status: 415 },
    { name: "a GIF", send: (c) => upload(c, gif), status: 415 },
    { name: "HTML sent as an image", send: (c) => upload(c, Buffer.from("<html><script>alert(1)</script></html>")), status: 415 },
    {
      name: "a PNG signature followed by HTML",
      send: (c) => upload(c, Buffer.concat([pngDeclaring(8, 8).subarray(0, 8), Buffer.from("<script>alert(1)</script>")])),
    },
    {
      name: "a truncated JPEG",
      send: async (c) =>
        upload(
          c,
          (
            await sharp(await png(c.unique("jpeg"), 64, 64))
              .jpeg()
              .toBuffer()
          ).subarray(0, 200),
        ),
    },
    {
      name: "a truncated WebP",
      send: async (c) =>
        upload(
          c,
          (
            await sharp(await png(c.unique("webp"), 64, 64))
              .webp()
              .toBuffer()
          ).subarray(0, 40),
        ),
    },
    { name: "bytes that do not match their hash", send: async (c) => upload(c, await png(c.unique("mismatch")), "0".repeat(64)), field: "sha256" },
    { name: "an empty image", send: (c) => upload(c, Buffer.alloc(0)) },
    { name: "an image over 20 MB", send: (c) => upload(c, Buffer.alloc(21 * 1024 * 1024, 1)), status: 413 },
  ];
}

export function hostileCases(): THostileCase[] {
  return [...textCases(), ...typeCases(), ...bodyCases(), ...queryAndPathCases(), ...tokenCases(), ...imageCases()];
}

/** Unusual but valid text: stored and read back exactly. */
export const UNUSUAL_TEXT: readonly { label: string; value: string }[] = [
  { label: "emoji and a ZWJ sequence", value: "🧪 run 👩‍👩‍👧‍👦" },
  { label: "right-to-left text", value: "تجربة النموذج الموحد" },
  { label: "combining marks", value: "e\u0301 a\u030a n\u0303 Z\u0351\u0352\u0353" },
  { label: "an SQL string", value: "'; DROP TABLE runs; -- \" OR 1=1" },
  { label: "HTML and script", value: '<script>alert("x")</script><img src=x onerror=alert(1)>' },
  { label: "backslashes and quotes", value: 'C:\\runs\\"quoted" \\u0000 (escaped, not a NUL)' },
  { label: "characters outside the BMP", value: "𝔘𝔫𝔦𝔤𝔞𝔭 𠜎𠜱" },
];

/** Server actions the forms call, each field with the same variants: a refusal naming the field. */
export type THostileActionContext = THostileContext & { projectId: string };
export type THostileActionCase = { name: string; action: string; input: (c: THostileActionContext) => unknown; field: string; signedIn: boolean };

export function hostileActionCases(): THostileActionCase[] {
  const forms: { action: string; signedIn: boolean; base: (c: THostileActionContext) => Record<string, unknown>; fields: string[] }[] = [
    {
      action: "signUpAction",
      signedIn: false,
      base: (c) => ({ email: `${c.unique("hostile")}@example.com`, name: "Hostile", password: "a long enough password" }),
      fields: ["email", "name", "password"],
    },
    {
      action: "createProjectAction",
      signedIn: true,
      base: (c) => ({ name: "Hostile project", slug: c.unique("hostile").toLowerCase() }),
      fields: ["name", "slug"],
    },
    {
      action: "createWebhookAction",
      signedIn: true,
      base: (c) => ({ slug: c.slug, url: "https://example.com/hook", format: "json" }),
      fields: ["url", "slug"],
    },
    {
      action: "createShareLinkAction",
      signedIn: true,
      base: (c) => ({ projectId: c.projectId, scope: "run", runId: c.runId, label: "hostile" }),
      fields: ["label"],
    },
  ];
  const cases: THostileActionCase[] = [];
  for (const form of forms) {
    for (const field of form.fields) {
      for (const variant of TEXT_VARIANTS) {
        cases.push({
          name: `${form.action} ${field}: ${variant.label}`,
          action: form.action,
          signedIn: form.signedIn,
          field,
          input: (c) => ({ ...form.base(c), [field]: variant.value }),
        });
      }
    }
  }
  return cases;
}

/** The sign-in form (next-auth's credentials callback): never a 500, never a session. */
export const HOSTILE_SIGN_IN: readonly { label: string; email: string; password: string }[] = [
  { label: "a NUL in the email", email: "demo\u0000@unigap.local", password: "whatever-password" },
  { label: "a lone surrogate in the email", email: "demo\ud800@unigap.local", password: "whatever-password" },
  { label: "a NUL in the password", email: "demo@unigap.local", password: "pass\u0000word" },
  { label: "a 1 MB password", email: "demo@unigap.local", password: "x".repeat(1 << 20) },
  { label: "a 1 MB email", email: `${"x".repeat(1 << 20)}@unigap.local`, password: "whatever-password" },
  { label: "SQL in the email", email: "' OR 1=1 --@unigap.local", password: "' OR 1=1 --" },
  { label: "an empty form", email: "", password: "" },
];
