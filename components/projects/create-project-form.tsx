"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";
import { slugFromName } from "@/lib/validation/projects";

export function CreateProjectForm({ action }: { action: TAction<{ name: string; slug: string }, { slug: string }> }) {
  const router = useRouter();
  const { run, isPending, error, fieldError } = useAction(action);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState<string | null>(null);
  const shownSlug = slug ?? slugFromName(name);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run({ name, slug: shownSlug }, ({ slug: created }) => router.push(`/p/${created}`));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Field label="Project name" error={fieldError("name")} className="sm:w-72">
        <Input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="Janus-Pro self-improvement" />
      </Field>
      <Field label="URL" hint={`/p/${shownSlug || "…"}`} error={fieldError("slug")} className="sm:w-56">
        <Input name="slug" value={shownSlug} onChange={(e) => setSlug(e.target.value)} required maxLength={48} pattern="[a-z0-9-]+" />
      </Field>
      <Button type="submit" disabled={isPending} className="sm:mt-6">
        {isPending ? "Creating…" : "Create project"}
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </form>
  );
}
