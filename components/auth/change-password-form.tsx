"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";
import { PASSWORD_MIN, type TChangePassword } from "@/lib/validation/accounts";

/** Changing the password ends every session, this one included; the form signs this browser back in. */
export function ChangePasswordForm({ action, hasPassword }: { action: TAction<TChangePassword, { email: string }>; hasPassword: boolean }) {
  const { run, isPending, error, fieldError } = useAction(action);
  const [done, setDone] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") };
    setDone(null);
    run(input, async ({ email }) => {
      await signIn("credentials", { email, password: input.newPassword, redirect: false });
      formElement.reset();
      setDone("Password changed. Other browsers signed in to this account have been signed out.");
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex max-w-sm flex-col gap-3" noValidate>
      {hasPassword ? (
        <Field label="Current password" error={fieldError("currentPassword")}>
          <Input name="currentPassword" type="password" autoComplete="current-password" required maxLength={1024} />
        </Field>
      ) : null}
      <Field label="New password" hint={`At least ${PASSWORD_MIN} characters.`} error={fieldError("newPassword")}>
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={1024} />
      </Field>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {done ? <Notice>{done}</Notice> : null}
      <Button type="submit" disabled={isPending} className="self-start">
        {isPending ? "Saving…" : hasPassword ? "Change password" : "Set password"}
      </Button>
    </form>
  );
}
