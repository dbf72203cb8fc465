import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { loadOr404 } from "@/app/_lib/page-errors";
import { requirePageUser } from "@/app/_lib/require-user";
import { AppHeader } from "@/components/layout/app-header";
import { AlertRulesForm } from "@/components/alerts/alert-rules-form";
import { WebhooksSection } from "@/components/alerts/webhooks-section";
import { ApiKeysSection } from "@/components/projects/api-keys-section";
import { DeleteProjectForm } from "@/components/projects/delete-project-form";
import { InvitesSection } from "@/components/projects/invites-section";
import { MembersSection } from "@/components/projects/members-section";
import { ThresholdForm } from "@/components/datasets/threshold-form";
import { CreateShareLinkForm, type TShareFormInitial } from "@/components/sharing/create-share-link-form";
import { ShareLinksTable } from "@/components/sharing/share-links-table";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { getAlertRules } from "@/lib/alerts/service";
import { getWebhooks } from "@/lib/alerts/webhook-service";
import { getApiKeys } from "@/lib/api-keys/service";
import { getPrecisionThreshold } from "@/lib/datasets/page-service";
import { getOpenInvites } from "@/lib/projects/invite-service";
import { getMembers } from "@/lib/projects/member-service";
import { getProjectForActor } from "@/lib/projects/service";
import { ALL_RUNS_NEWEST_FIRST, MAX_RUNS_PAGE } from "@/lib/runs/list-query";
import { listRunsPage } from "@/lib/runs/service";
import { getShareLinks } from "@/lib/sharing/service";

import { createShareLinkAction, revokeShareLinkAction } from "../share-actions";
import { createWebhookAction, deleteWebhookAction, saveAlertRulesAction } from "./alert-actions";
import { setPrecisionThresholdAction } from "./dataset-actions";
import { createApiKeyAction, revokeApiKeyAction } from "./key-actions";
import { changeMemberRoleAction, createInviteAction, deleteProjectAction, removeMemberAction, revokeInviteAction } from "./member-actions";

export const metadata: Metadata = { title: "Project settings" };

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card id={id} aria-labelledby={`${id}-title`}>
      <CardHeader className="flex-col gap-0.5">
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
        <p className="text-xs text-[var(--muted)]">{description}</p>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

/** "Share…" on a run or compare page opens this page with the form filled in (the form validates on submit). */
function readInitialShare(search: Record<string, string | string[] | undefined>): TShareFormInitial | undefined {
  const one = (key: string) => (typeof search[key] === "string" ? (search[key] as string) : undefined);
  const scope = one("share");
  if (scope === "run") return { scope, runIds: [one("run") ?? ""], viewQuery: "" };
  if (scope === "comparison") return { scope, runIds: (one("runs") ?? "").split(",").slice(0, 12), viewQuery: (one("view") ?? "").slice(0, 4000) };
  return undefined;
}

// Each panel is loaded through its own service, which checks the role again: what a viewer is not
// shown here they also could not fetch.
export default async function ProjectSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const initialShare = readInitialShare(await searchParams);
  const { user, actor } = await requirePageUser(`/p/${slug}/settings`);
  const project = await loadOr404(() => getProjectForActor(actor, slug));
  const isOwner = project.role === "owner";
  const canShare = project.role !== "viewer";
  const [members, invites, keys, links, runs, rules, webhooks, threshold] = await Promise.all([
    getMembers(actor, project.id),
    isOwner ? getOpenInvites(actor, project.id) : [],
    isOwner ? getApiKeys(actor, project.id) : [],
    canShare ? getShareLinks(actor, project.id) : [],
    canShare
      ? listRunsPage(actor, project.id, ALL_RUNS_NEWEST_FIRST, { limit: MAX_RUNS_PAGE, facets: false }).then((r) =>
          r.runs.map(({ id, name }) => ({ id, name })),
        )
      : [],
    canShare ? getAlertRules(actor, slug).then((r) => r.rules) : [],
    isOwner ? getWebhooks(actor, slug).then((r) => r.webhooks) : [],
    getPrecisionThreshold(actor, project.id),
  ]);

  return (
    <>
      <AppHeader crumbs={[{ label: project.name, href: `/p/${project.slug}` }, { label: "Settings" }]} userEmail={user.email} />
      <main className="mx-auto flex max-w-5xl flex-col gap-5 px-4 py-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Project settings</h1>
          <p className="text-sm text-[var(--muted)]">
            {project.name} · you are <strong>{project.role}</strong>
            {isOwner ? (
              <>
                {" · "}
                <Link href={`/p/${project.slug}/audit`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  audit log
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <Section id="members" title="Members" description="Owners manage members, keys and links; editors write runs and share; viewers read.">
          <MembersSection
            projectId={project.id}
            members={members}
            currentUserId={user.id}
            isOwner={isOwner}
            changeRole={changeMemberRoleAction}
            remove={removeMemberAction}
          />
        </Section>
        {isOwner ? (
          <Section id="invites" title="Invitations" description="A one-time link that adds whoever opens it (after signing in) with the chosen role.">
            <InvitesSection projectId={project.id} invites={invites} create={createInviteAction} revoke={revokeInviteAction} />
          </Section>
        ) : null}
        {isOwner ? (
          <Section
            id="api-keys"
            title="API keys"
            description="For training code (ingest), scripts and notebooks (read) or managing the project through the API (admin). A revoked key stops working immediately."
          >
            <ApiKeysSection projectId={project.id} keys={keys} create={createApiKeyAction} revoke={revokeApiKeyAction} />
          </Section>
        ) : null}
        {canShare ? (
          <Section
            id="share-links"
            title="Share links"
            description="Read-only links to exactly one run, one comparison or a set of samples — never the whole project."
          >
            <div className="flex flex-col gap-6">
              <CreateShareLinkForm projectId={project.id} runs={runs} create={createShareLinkAction} initial={initialShare} />
              <ShareLinksTable projectId={project.id} links={links} canRevokeAll={isOwner} revoke={revokeShareLinkAction} />
            </div>
          </Section>
        ) : null}
        {canShare ? (
          <Section
            id="alerts"
            title="Alert rules"
            description="Owners and editors choose which rules open alerts on this project's runs (each fires only when its whole 95% interval clears the threshold)."
          >
            <AlertRulesForm slug={project.slug} rules={rules} save={saveAlertRulesAction} />
          </Section>
        ) : null}
        {isOwner ? (
          <Section
            id="webhooks"
            title="Webhooks"
            description="Alerts are POSTed to these URLs, signed with HMAC-SHA256 (X-Unigap-Signature), retried with backoff; every attempt is logged."
          >
            <WebhooksSection slug={project.slug} webhooks={webhooks} create={createWebhookAction} remove={deleteWebhookAction} />
          </Section>
        ) : null}
        <Section
          id="datasets"
          title="Dataset gate"
          description="A dataset whose precision interval against the independent judge lies wholly below this threshold is flagged at risk of co-degradation."
        >
          <ThresholdForm projectId={project.id} threshold={threshold} canEdit={isOwner} save={setPrecisionThresholdAction} />
        </Section>
        {isOwner ? (
          <Section
            id="danger"
            title="Delete project"
            description="Removes the project with all its runs, samples, keys and share links. This cannot be undone."
          >
            <DeleteProjectForm projectId={project.id} slug={project.slug} action={deleteProjectAction} />
          </Section>
        ) : null}
      </main>
    </>
  );
}
