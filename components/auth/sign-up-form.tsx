"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { TAction } from "@/lib/http/action-result";
import { useAction } from "@/components/ui/use-action";
import { PASSWORD_MIN, type TSignUp } from "@/lib/validation/accounts";

export function SignUpForm({ action, callbackUrl }: { action: TAction<TSignUp, { email: string }>; callbackUrl: string }) {
  const router = useRouter();
  const { run, isPending, error, fieldError } = useAction(action);
  const [signInError, setSignInError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") };
    run(input, async ({ email }) => {
      const result = await signIn("credentials", { email, password: input.password, redirect: false });
      if (!result || result.error) return setSignInError("Your account was created, but signing in failed. Sign in below.");
      router.push(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <Field label="Name" error={fieldError("name")}>
        <Input name="name" autoComplete="name" maxLength={100} />
      </Field>
      <Field label="Email" error={fieldError("email")}>
        <Input name="email" type="email" autoComplete="email" required maxLength={320} />
      </Field>
      <Field label="Password" hint={`At least ${PASSWORD_MIN} characters.`} error={fieldError("password")}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={1024} />
      </Field>
      {error || signInError ? <Notice tone="error">{error ?? signInError}</Notice> : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
