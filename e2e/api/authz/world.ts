// The cast of the authorization matrix, built through the app's real flows on a fresh server: the
// demo project (its owner's credentials are in the server's data folder) with an owner, an editor
// and a viewer who joined by invitation; a stranger with a project and key of their own; share links
// in and out of scope, revoked and expired; the demo key, another project's key and a revoked key.
import { randomBytes } from "node:crypto";

import { expect, type PlaywrightWorkerArgs } from "@playwright/test";

import { act, addMember, createShareLink, newClient, projectId, runsOf, signInAs, signUpAndSignIn, type TAccount, type TClient } from "../../support/accounts";
import { readCredentials } from "../../support/fixtures";

export const CALLERS = [
  "anonymous",
  "shareInScope",
  "shareOutOfScope",
  "shareRevoked",
  "shareExpired",
  "keyThisProject",
  "keyOtherProject",
  "keyRevoked",
  "keyIngest", // this project's key with the ingest scope (./key-scope-rows.ts names its refusals)
  "keyRead", // and with the read scope
  "stranger",
  "viewer",
  "editor",
  "owner", // last: rows whose call succeeds only for the owner may consume their target
] as const;
export type TCaller = (typeof CALLERS)[number];

type TLink = { id: string; token: string };

export type TWorld = {
  baseURL: string;
  /** The demo project's first owner: sets things up, is never a caller. */
  admin: TAccount;
  demo: { id: string; slug: string; name: string };
  runA: { id: string; name: string };
  runB: { id: string; name: string };
  users: Record<"owner" | "editor" | "viewer" | "stranger" | "member", TAccount>;
  strangerProject: { id: string; slug: string; name: string };
  /** Owned by `owner`, with `editor` and `viewer`: the project the delete row deletes. */
  doomed: { id: string; slug: string };
  /** Owned by `admin`: invitations to it are handed to every caller. */
  inviteTarget: { id: string; slug: string; name: string };
  links: Record<"inScope" | "outOfScope" | "revoked" | "expired", TLink>;
  keys: { thisProject: string; otherProject: string; revoked: string; ingest: string; read: string };
  clients: Record<TCaller, TClient>;
  /** Names a caller without the right must never see in a response. */
  secrets: string[];
};

const suffix = () => randomBytes(4).toString("hex");

async function exchangeShareToken(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, link: TLink): Promise<TClient> {
  const client = await newClient(playwright, baseURL, { authorization: `Bearer ${link.token}` });
  const response = await client.request.get(`/share/${link.token}`, { maxRedirects: 0 });
  expect(response.headers().location).toContain(`/shared/${link.id}`);
  return client;
}

async function createProject(owner: TClient, name: string): Promise<{ id: string; slug: string; name: string }> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix()}`;
  await act(owner, "createProjectAction", { name, slug });
  return { id: await projectId(owner, slug), slug, name };
}

export async function buildWorld(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, dataDir: string): Promise<TWorld> {
  const credentials = readCredentials(dataDir);
  const admin = await signInAs(playwright, baseURL, credentials.email, credentials.password);
  const demoList = (await (await admin.request.get("/api/v1/projects")).json()) as { projects: { id: string; slug: string; name: string }[] };
  const demo = demoList.projects.find((p) => p.slug === credentials.projectSlug)!;
  // The demo's own simulated runs (images, judgments, checkpoints), not whatever run another spec created last.
  const runs = await runsOf(admin, demo.slug);
  const runA = runs.find((r) => r.name.includes("SFT on self-judged data")) ?? runs[0];
  const runB = runs.find((r) => r.name.includes("SFT with corrupted labels")) ?? runs.find((r) => r.id !== runA?.id);
  if (!runA || !runB) throw new Error("the demo project needs two runs");

  const users = {
    owner: await signUpAndSignIn(playwright, baseURL, "owner"),
    editor: await signUpAndSignIn(playwright, baseURL, "editor"),
    viewer: await signUpAndSignIn(playwright, baseURL, "viewer"),
    stranger: await signUpAndSignIn(playwright, baseURL, "stranger"),
    member: await signUpAndSignIn(playwright, baseURL, "member"),
  };
  await addMember(admin, users.owner, demo.id, "owner");
  await addMember(admin, users.editor, demo.id, "editor");
  await addMember(admin, users.viewer, demo.id, "viewer");
  await addMember(admin, users.member, demo.id, "viewer");

  const strangerProject = await createProject(users.stranger, "Stranger lab");
  const otherKey = await act<{ secret: string }>(users.stranger, "createApiKeyAction", { projectId: strangerProject.id, name: "other project key" });
  const revokedKey = await act<{ id: string; secret: string }>(admin, "createApiKeyAction", { projectId: demo.id, name: "revoked key" });
  await act(admin, "revokeApiKeyAction", { projectId: demo.id, keyId: revokedKey.id });
  const ingestKey = await act<{ secret: string }>(admin, "createApiKeyAction", { projectId: demo.id, name: "ingest key", scope: "ingest" });
  const readKey = await act<{ secret: string }>(admin, "createApiKeyAction", { projectId: demo.id, name: "read key", scope: "read" });

  const doomed = await createProject(users.owner, "Doomed");
  await addMember(users.owner, users.editor, doomed.id, "editor");
  await addMember(users.owner, users.viewer, doomed.id, "viewer");
  const inviteTarget = await createProject(admin, "Invite target");

  const runLink = (runId: string, extra: Record<string, unknown> = {}) => createShareLink(admin, { projectId: demo.id, scope: "run", runId, ...extra });
  const links = {
    inScope: await runLink(runA.id),
    outOfScope: await runLink(runB.id),
    revoked: await runLink(runA.id),
    expired: await runLink(runA.id, { expiresAt: new Date(Date.now() + 3000).toISOString() }),
  };
  const expiredClient = await exchangeShareToken(playwright, baseURL, links.expired);
  const revokedClient = await exchangeShareToken(playwright, baseURL, links.revoked);
  await act(admin, "revokeShareLinkAction", { projectId: demo.id, linkId: links.revoked.id });

  const clients: Record<TCaller, TClient> = {
    anonymous: await newClient(playwright, baseURL),
    shareInScope: await exchangeShareToken(playwright, baseURL, links.inScope),
    shareOutOfScope: await exchangeShareToken(playwright, baseURL, links.outOfScope),
    shareRevoked: revokedClient,
    shareExpired: expiredClient,
    keyThisProject: await newClient(playwright, baseURL, { authorization: `Bearer ${credentials.apiKey}` }),
    keyOtherProject: await newClient(playwright, baseURL, { authorization: `Bearer ${otherKey.secret}` }),
    keyRevoked: await newClient(playwright, baseURL, { authorization: `Bearer ${revokedKey.secret}` }),
    keyIngest: await newClient(playwright, baseURL, { authorization: `Bearer ${ingestKey.secret}` }),
    keyRead: await newClient(playwright, baseURL, { authorization: `Bearer ${readKey.secret}` }),
    stranger: users.stranger,
    viewer: users.viewer,
    editor: users.editor,
    owner: users.owner,
  };
  // The expired link was valid when it was opened; from here on it must be refused like any other.
  await expect.poll(async () => (await expiredClient.request.get(`/api/v1/runs/${runA.id}`)).status(), { timeout: 15_000 }).toBe(401);

  return {
    baseURL,
    admin,
    demo,
    runA,
    runB,
    users,
    strangerProject,
    doomed,
    inviteTarget,
    links,
    keys: { thisProject: credentials.apiKey, otherProject: otherKey.secret, revoked: revokedKey.secret, ingest: ingestKey.secret, read: readKey.secret },
    clients,
    secrets: [demo.name, runA.name, runB.name, strangerProject.name],
  };
}

export async function disposeWorld(world: TWorld | undefined): Promise<void> {
  if (!world) return;
  const contexts = new Set([world.admin.request, ...Object.values(world.users).map((u) => u.request), ...Object.values(world.clients).map((c) => c.request)]);
  await Promise.all([...contexts].map((context) => context.dispose()));
}
