"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";

/** Deleting is final: runs, samples, keys and links go with the project, so the slug must be retyped. */
export function DeleteProjectForm({
  projectId,
  slug,
  action,
}: {
  projectId: string;
  slug: string;
  action: TAction<{ projectId: string; confirmSlug: string }, null>;
}) {
  const router = useRouter();
  const { run, isPending, error, fieldError } = useAction(action);
  const [confirmSlug, setConfirmSlug] = useState("");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run({ projectId, confirmSlug }, () => {
      router.push("/projects");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
      <Field
        label="Project URL name"
        hint={
          <>
            Type <code>{slug}</code> to confirm.
          </>
        }
        error={fieldError("confirmSlug")}
      >
        <Input value={confirmSlug} onChange={(e) => setConfirmSlug(e.target.value)} autoComplete="off" maxLength={100} className="w-64" />
      </Field>
      <Button type="submit" variant="danger" disabled={isPending || confirmSlug !== slug} className="mt-6">
        Delete project
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </form>
  );
}
