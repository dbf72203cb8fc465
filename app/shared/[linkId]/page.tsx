import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";

import { loadOr404 } from "@/app/_lib/page-errors";
import { SharedPageHeader } from "@/components/sharing/shared-page-header";
import { isAppError } from "@/lib/errors";
import { authenticateShareCookie } from "@/lib/sharing/service";
import { getSharedView } from "@/lib/sharing/view-service";

import { renderSharedScope } from "./shared-scope-view";

// No project or run name in the title: an anonymized link must not leak it through the tab or history.
export const metadata: Metadata = { title: "Shared view", robots: { index: false, follow: false } };

async function requireShareActor(linkId: string) {
  const jar = await cookies();
  try {
    const actor = await authenticateShareCookie(linkId, (name) => jar.get(name)?.value);
    if (actor) return actor;
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  notFound();
}

// Reached from /share/{token} (app/share/[token]/route.ts), which left the token in a cookie. Works
// without signing in; every request re-checks that the link is neither revoked nor expired.
// A link made from a comparison keeps the view it was made with (axes, smoothing, range, subtasks):
// the page opens with that query, which the dashboard's panels read from the URL like anywhere else.
export default async function SharedPage({
  params,
  searchParams,
}: {
  params: Promise<{ linkId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { linkId } = await params;
  const actor = await requireShareActor(linkId);
  const view = await loadOr404(() => getSharedView(actor));
  if (view.viewQuery && Object.keys(await searchParams).length === 0) redirect(`/shared/${encodeURIComponent(linkId)}?${view.viewQuery}`);
  return (
    <>
      <SharedPageHeader projectName={view.projectName} label={view.label} isAnonymized={view.anonymized} expiresAt={view.expiresAt} />
      <main className="mx-auto max-w-[1400px] px-4 py-6">{await renderSharedScope(actor, view)}</main>
    </>
  );
}
