import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card, CardBody } from "@/components/ui/card";
import { oauthProviderButtons } from "@/lib/auth/oauth-providers";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/http/callback-url";

import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Create an account</h1>
        <p className="mt-1 text-sm text-[var(--muted)]">Then create a project, or open the invitation someone sent you.</p>
      </div>
      <Card>
        <CardBody className="flex flex-col gap-4">
          <OAuthButtons providers={oauthProviderButtons(process.env)} callbackUrl={callbackUrl} />
          <SignUpForm action={signUpAction} callbackUrl={callbackUrl} />
        </CardBody>
      </Card>
      <p className="text-sm text-[var(--muted)]">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
          Sign in
        </Link>
      </p>
    </main>
  );
}
