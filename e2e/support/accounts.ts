// Real-flow fixtures over HTTP: accounts through the sign-up action and next-auth's credentials
// sign-in, projects, invitations, keys and share links through the same actions the forms call.
import { randomBytes } from "node:crypto";

import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";

import { callAction } from "./server-actions";

export type TClient = { request: APIRequestContext; baseURL: string };
export type TAccount = TClient & { email: string; password: string; userId: string };

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@e2e.unigap`;
}

export async function newClient(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, extraHTTPHeaders?: Record<string, string>): Promise<TClient> {
  return { request: await playwright.request.newContext({ baseURL, extraHTTPHeaders }), baseURL };
}

/** Calls an action that must succeed and returns its data. */
export async function act<T = unknown>(client: TClient, name: string, input: unknown): Promise<T> {
  const { status, result } = await callAction(client.request, client.baseURL, name, input);
  if (!result?.ok) throw new Error(`${name} failed (${status}): ${JSON.stringify(result)}`);
  return result.data as T;
}

/** Signs a client in through next-auth's credentials endpoint; the session cookie stays in its jar. */
export async function signInClient(client: TClient, email: string, password: string): Promise<string> {
  const { csrfToken } = (await (await client.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  if (!response.ok()) throw new Error(`sign-in of ${email} failed: ${response.status()} ${await response.text()}`);
  const session = (await (await client.request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  if (!session.user?.id) throw new Error(`sign-in of ${email} gave no session`);
  return session.user.id;
}

export async function signUpAndSignIn(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, prefix: string): Promise<TAccount> {
  const client = await newClient(playwright, baseURL);
  const email = uniqueEmail(prefix);
  const password = `pw-${randomBytes(8).toString("hex")}`;
  await act(client, "signUpAction", { email, password, name: `${prefix} tester` });
  const userId = await signInClient(client, email, password);
  return { ...client, email, password, userId };
}

export async function signInAs(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, email: string, password: string): Promise<TAccount> {
  const client = await newClient(playwright, baseURL);
  return { ...client, email, password, userId: await signInClient(client, email, password) };
}

export async function projectId(client: TClient, slug: string): Promise<string> {
  const body = (await (await client.request.get("/api/v1/projects")).json()) as { projects: { id: string; slug: string }[] };
  const project = body.projects.find((p) => p.slug === slug);
  if (!project) throw new Error(`project ${slug} is not visible to this client`);
  return project.id;
}

/** Run ids and names as the settings page offers them for sharing (the project's runs, newest first). */
export async function runsOf(client: TClient, slug: string): Promise<{ id: string; name: string }[]> {
  const html = await (await client.request.get(`/p/${slug}/settings`)).text();
  const select = /<select[^>]*name="runId"[^>]*>(.*?)<\/select>/s.exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option value="([0-9a-f-]{36})">([^<]*)<\/option>/g)].map((m) => ({
    id: m[1]!,
    name: m[2]!.replace(/&amp;/g, "&").replace(/&#x27;/g, "'"),
  }));
}

/** Opens an invitation link as a browser does: its token moves into the invite cookie. */
export async function openInvite(invitee: TClient, path: string): Promise<void> {
  const response = await invitee.request.get(path, { maxRedirects: 0 });
  if (response.headers().location !== `${invitee.baseURL}/invite`) throw new Error(`opening ${path} went to ${response.headers().location}`);
}

/** Owner creates an invitation; `invitee` opens the link and accepts it. */
export async function addMember(owner: TClient, invitee: TClient, projectIdValue: string, role: "owner" | "editor" | "viewer"): Promise<void> {
  const invite = await act<{ path: string }>(owner, "createInviteAction", { projectId: projectIdValue, role, expiresInDays: 1 });
  await openInvite(invitee, invite.path);
  await act(invitee, "acceptInviteAction", {});
}

export async function createShareLink(client: TClient, input: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const link = await act<{ id: string; path: string }>(client, "createShareLinkAction", input);
  return { id: link.id, token: link.path.replace("/share/", "") };
}
