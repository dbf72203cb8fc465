import type { Metadata } from "next";

import { requirePageUser } from "@/app/_lib/require-user";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { AppHeader } from "@/components/layout/app-header";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { hasPassword } from "@/lib/users/service";

import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const { user } = await requirePageUser("/account");
  return (
    <>
      <AppHeader crumbs={[{ label: "Account" }]} userEmail={user.email} />
      <main className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
        <h1 className="text-xl font-semibold tracking-tight">Account</h1>
        <p className="text-sm text-[var(--muted)]">
          Signed in as <span className="font-medium text-[var(--text)]">{user.email}</span>
          {user.name ? ` (${user.name})` : null}.
        </p>
        <Card>
          <CardHeader>
            <CardTitle>Password</CardTitle>
          </CardHeader>
          <CardBody>
            <ChangePasswordForm action={changePasswordAction} hasPassword={await hasPassword(user.id)} />
          </CardBody>
        </Card>
      </main>
    </>
  );
}
