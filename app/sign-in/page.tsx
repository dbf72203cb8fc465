import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardBody } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/http/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">unigap</h1>
        <p className="mt-1 text-sm text-[var(--muted)]">Where generation and understanding are made to agree.</p>
      </div>
      <Card>
        <CardBody>
          <SignInForm callbackUrl={callbackUrl} />
        </CardBody>
      </Card>
      <p className="text-xs text-[var(--muted)]">
        First start? The demo account is printed in the server log and saved to <code>.unigap/demo-credentials.json</code>.
      </p>
    </main>
  );
}
