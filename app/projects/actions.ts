"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { createProject } from "@/lib/projects/service";
import { ZCreateProject } from "@/lib/validation/projects";

export const createProjectAction = userAction(ZCreateProject, async (input, { actor }) => {
  const project = await createProject(actor, input);
  revalidatePath("/projects");
  return { slug: project.slug };
});
