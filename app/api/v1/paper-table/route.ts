import { ZPaperTableQuery } from "@/lib/api/contracts/paper-table";
import { paperTableFile } from "@/lib/dashboard/export-paper-table";
import { getPaperTable } from "@/lib/dashboard/paper-table-service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/paper-table — the paper's table (runs × subtasks, Gen / Und / Non) as JSON, CSV or LaTeX.
// Every run must be readable by the caller: a member, the project's API key or a share link holding them.
export const GET = apiRoute({ auth: "any", query: ZPaperTableQuery }, async ({ actor, query }) => {
  const table = await getPaperTable(actor, query.runs, query.benchmark);
  if (query.format === "json") return table;
  const file = paperTableFile(table, query.format, { intervals: query.intervals === "1" });
  return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"` } });
});
