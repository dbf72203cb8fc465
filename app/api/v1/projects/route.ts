import { apiRoute } from "@/lib/http/route";
import { getProjectsForActor } from "@/lib/projects/service";

export const dynamic = "force-dynamic";

// GET /api/v1/projects — the projects the caller can open: a person's memberships, or the one project
// of an API key (a quick "which project is this key for?"). Share links see none.
export const GET = apiRoute({ auth: "any" }, async ({ actor }) => {
  const projects = await getProjectsForActor(actor);
  return { projects: projects.map(({ id, slug, name, role }) => ({ id, slug, name, role })) };
});
