import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";

import { loadOr404 } from "@/app/_lib/page-errors";
import { AcceptInviteButton } from "@/components/projects/accept-invite-button";
import { Card, CardBody } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { INVITE_COOKIE } from "@/lib/projects/invite-cookie";
import { getInvitePreview } from "@/lib/projects/invite-service";

import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

// Reached from /invite/{token} (./[token]/route.ts), which left the token in a cookie. Whoever holds
// the link sees the project and the role on offer; joining needs an account.
export default async function InvitePage() {
  const token = (await cookies()).get(INVITE_COOKIE)?.value ?? "";
  const invite = await loadOr404(() => getInvitePreview(token));
  const user = await getSessionUser();
  const back = encodeURIComponent("/invite");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-5 px-4">
      <h1 className="text-2xl font-semibold tracking-tight">You are invited</h1>
      <Card>
        <CardBody className="flex flex-col gap-4">
          <p className="text-sm">
            {invite.invitedBy} invites you to <strong>{invite.projectName}</strong> as <strong>{invite.role}</strong>.
          </p>
          {user ? (
            <>
              <p className="text-xs text-[var(--muted)]">You will join as {user.email}.</p>
              <AcceptInviteButton label={`Join ${invite.projectName}`} action={acceptInviteAction} />
            </>
          ) : (
            <div className="flex flex-wrap gap-2 text-sm">
              <Link href={`/sign-in?callbackUrl=${back}`} className="rounded-md bg-indigo-600 px-3.5 py-2 font-medium text-white hover:bg-indigo-500">
                Sign in to accept
              </Link>
              <Link
                href={`/sign-up?callbackUrl=${back}`}
                className="rounded-md border border-[var(--border)] px-3.5 py-2 font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                Create an account
              </Link>
            </div>
          )}
        </CardBody>
      </Card>
    </main>
  );
}
