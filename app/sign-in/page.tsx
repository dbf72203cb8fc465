import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardBody } from "@/components/ui/card";
import { oauthProviderButtons } from "@/lib/auth/oauth-providers";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/http/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">unigap</h1>
        <p className="mt-1 text-sm text-[var(--muted)]">Where generation and understanding are made to agree.</p>
      </div>
      <Card>
        <CardBody className="flex flex-col gap-4">
          <OAuthButtons providers={oauthProviderButtons(process.env)} callbackUrl={callbackUrl} />
          <SignInForm callbackUrl={callbackUrl} initialError={params.error?.slice(0, 100) ?? null} />
        </CardBody>
      </Card>
      <p className="text-sm text-[var(--muted)]">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
          Create an account
        </Link>
      </p>
      <p className="text-xs text-[var(--muted)]">
        First start? The demo account is printed in the server log and saved to <code>.unigap/demo-credentials.json</code>.
      </p>
    </main>
  );
}
