import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { TDocEndpoint, TDocField } from "@/lib/api/docs-model";

const METHOD_TONE: Record<string, TBadgeTone> = { GET: "good", HEAD: "good", POST: "info", PUT: "warn", PATCH: "warn" };

function FieldTable({ caption, rows }: { caption: string; rows: TDocField[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-[var(--muted)]">{caption}</caption>
      <thead className="text-xs text-[var(--muted)]">
        <tr>
          <th className="py-1 pr-3 font-medium">field</th>
          <th className="py-1 pr-3 font-medium">type</th>
          <th className="py-1 font-medium">notes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="border-t border-[var(--border)] align-top">
            <td className="py-1 pr-3 font-mono text-xs">
              {row.name}
              {row.required ? <span className="text-rose-600"> *</span> : null}
            </td>
            <td className="max-w-[22rem] py-1 pr-3 font-mono text-xs break-words">{row.type}</td>
            <td className="py-1 text-xs text-[var(--muted)]">{row.notes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EndpointCard({ endpoint }: { endpoint: TDocEndpoint }) {
  return (
    <Card id={endpoint.id} className="scroll-mt-16">
      <CardHeader>
        <div className="min-w-0">
          <CardTitle className="flex items-center gap-2">
            <Badge tone={METHOD_TONE[endpoint.method] ?? "neutral"}>{endpoint.method}</Badge>
            <code className="truncate font-mono text-sm">{endpoint.path}</code>
          </CardTitle>
          <p className="mt-1 text-sm font-medium">{endpoint.summary}</p>
        </div>
        <span className="shrink-0 text-xs text-[var(--muted)]">{endpoint.auth}</span>
      </CardHeader>
      <CardBody>
        <p className="text-sm leading-relaxed">
          {/* descriptions mark code with backticks, as in the OpenAPI document */}
          {endpoint.description.split("`").map((part, i) =>
            i % 2 ? (
              <code key={i} className="font-mono text-xs">
                {part}
              </code>
            ) : (
              part
            ),
          )}
        </p>
        <FieldTable caption="Path and query" rows={endpoint.params} />
        <FieldTable caption="JSON body" rows={endpoint.body} />
        {endpoint.rawBody ? <p className="mt-3 text-sm">Body: {endpoint.rawBody}.</p> : null}
        <p className="mt-3 text-xs text-[var(--muted)]">Errors: {endpoint.errors.join(", ")}</p>
      </CardBody>
    </Card>
  );
}
