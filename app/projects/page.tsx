import type { Metadata } from "next";
import Link from "next/link";

import { requirePageUser } from "@/app/_lib/require-user";
import { AppHeader } from "@/components/layout/app-header";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { getProjectsForUser } from "@/lib/projects/service";

import { createProjectAction } from "./actions";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const { user } = await requirePageUser("/projects");
  const projects = await getProjectsForUser(user.id);
  return (
    <>
      <AppHeader crumbs={[{ label: "Projects" }]} userEmail={user.email} />
      <main className="mx-auto max-w-[1400px] px-4 py-6">
        <h1 className="mb-4 text-xl font-semibold tracking-tight">Projects</h1>
        {projects.length === 0 ? (
          <p className="text-sm text-[var(--muted)]">You are not a member of any project yet: create one below, or open an invitation link someone sent you.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {projects.map((project) => (
              <li key={project.id}>
                <Link href={`/p/${project.slug}`} className="block">
                  <Card className="p-4 transition-colors hover:border-indigo-400">
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-medium">{project.name}</span>
                      <Badge>{project.role}</Badge>
                    </div>
                    <p className="mt-1 text-xs text-[var(--muted)]">
                      {project.slug} · {project.runCount} runs
                    </p>
                  </Card>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Card className="mt-8">
          <CardHeader>
            <CardTitle>New project</CardTitle>
          </CardHeader>
          <CardBody>
            <CreateProjectForm action={createProjectAction} />
          </CardBody>
        </Card>
      </main>
    </>
  );
}
