import type { Metadata } from "next";

import { EndpointCard } from "@/components/api-docs/endpoint-card";
import { AppHeader } from "@/components/layout/app-header";
import { buildApiDocs } from "@/lib/api/docs-model";

export const metadata: Metadata = { title: "API" };

const QUICK_START = `export UNIGAP_URL=http://localhost:3000 UNIGAP_API_KEY=ugk_…
curl -s -X POST $UNIGAP_URL/api/v1/runs -H "Authorization: Bearer $UNIGAP_API_KEY" \\
  -H 'content-type: application/json' -d '{"name":"janus sft","externalId":"sft-001"}'
curl -s -X POST $UNIGAP_URL/api/v1/runs/<runId>/metrics -H "Authorization: Bearer $UNIGAP_API_KEY" \\
  -H 'content-type: application/json' -d '{"points":[{"key":"train/loss","step":1,"value":0.42}]}'`;

// Public on purpose: the API's description is no secret, and people read it before they have a key.
export default function ApiDocsPage() {
  const endpoints = buildApiDocs();
  return (
    <>
      <AppHeader crumbs={[{ label: "API" }]} userEmail={null} />
      <main className="mx-auto max-w-[1000px] space-y-4 px-4 py-6">
        <h1 className="text-xl font-semibold tracking-tight">Ingest API</h1>
        <p className="text-sm leading-relaxed">
          Send runs, metric points, images, samples and judgments from training code with a project API key (
          <code className="font-mono">Authorization: Bearer ugk_…</code>). Every batch is atomic and idempotent: re-sending the same data adds nothing and says
          so (<code className="font-mono">{"{ inserted, unchanged, updated }"}</code>); different data under an existing key is a 409 that lists each conflict,
          unless the request says <code className="font-mono">&quot;overwrite&quot;: true</code>. Errors are{" "}
          <code className="font-mono">{"{ error: { code, message, details } }"}</code> with the offending path (e.g.{" "}
          <code className="font-mono">points.17.value</code>). Machine-readable:{" "}
          <a className="text-[var(--accent)] underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1). Clients: the <code className="font-mono">unigap</code> CLI (<code className="font-mono">npx unigap --help</code>) and the Python
          package in <code className="font-mono">clients/python</code>.
        </p>
        <pre className="overflow-x-auto rounded-md border border-[var(--border)] bg-[var(--panel)] p-3 text-xs">{QUICK_START}</pre>
        <nav aria-label="Endpoints" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {endpoints.map((e) => (
            <a key={e.id} href={`#${e.id}`} className="text-[var(--accent)] hover:underline">
              {e.method} {e.path}
            </a>
          ))}
        </nav>
        {endpoints.map((e) => (
          <EndpointCard key={e.id} endpoint={e} />
        ))}
      </main>
    </>
  );
}
