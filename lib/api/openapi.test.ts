import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  it("describes every endpoint with its request schema, parameters and error shape", () => {
    const doc = buildOpenApiDocument() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/runs", "/api/v1/runs/{runId}/metrics", "/api/v1/blobs/{sha256}", "/api/v1/runs/{runId}/samples"]),
    );
    const metrics = doc.paths["/api/v1/runs/{runId}/metrics"]!.post!;
    expect(metrics.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "runId", in: "path" }), expect.objectContaining({ name: "overwrite", in: "query" })]),
    );
    expect(JSON.stringify(metrics.requestBody)).toContain('"maxItems":10000');
    expect(JSON.stringify(metrics.requestBody)).toContain('"-Infinity"');
    expect(Object.keys(metrics.responses)).toEqual(expect.arrayContaining(["200", "409", "413", "422", "429"]));
  });

  it("describes the analysis endpoints a share link may read, with the per-benchmark judges of the summary", () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, { get?: { security: Record<string, unknown>[]; parameters: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    for (const path of ["summary", "audit", "curriculum", "flips"].map((p) => `/api/v1/runs/{runId}/${p}`)) {
      const get = doc.paths[path]?.get;
      expect(get, path).toBeDefined();
      expect(get!.security).toContainEqual({ shareLink: [] });
      expect(Object.keys(get!.responses)).toEqual(expect.arrayContaining(["200", "401", "404", "422"]));
    }
    const summary = JSON.stringify(doc.paths["/api/v1/runs/{runId}/summary"]!.get!.responses["200"]);
    expect(summary).toContain('"externalJudges"');
    expect(doc.paths["/api/v1/runs/{runId}/audit"]!.get!.parameters.map((p) => p.name)).toEqual(["runId", "step", "judge", "threshold"]);
  });

  it("describes the paper table's query, bounded, for every kind of caller", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, { get?: { security: unknown[]; parameters: { name: string; required: boolean }[] } }> };
    const get = doc.paths["/api/v1/paper-table"]!.get!;
    expect(get.parameters.map((p) => [p.name, p.required])).toEqual([
      ["runs", true],
      ["benchmark", true],
      ["format", false],
      ["intervals", false],
    ]);
    expect(get.security).toContainEqual({ shareLink: [] });
  });
});
