import { randomBytes } from "node:crypto";

import { act, newClient, projectId, runsOf, signInAs } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { callAction } from "../support/server-actions";

test("[SECURITY]: pages carry a per-response CSP nonce on every script, no framing, no sniffing", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-inline' 'strict"); // scripts never run inline without the nonce
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(1);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("same-origin");
  expect(first.headers()["x-frame-options"]).toBe("DENY");
});

test("[SECURITY]: API answers forbid any content and framing", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("[SECURITY]: a cross-origin server action is refused even with a valid session, and changes nothing", async ({ playwright, credentials, baseURL }) => {
  const owner = await signInAs(playwright, baseURL!, credentials.email, credentials.password);
  const slug = `csrf-${randomBytes(4).toString("hex")}`;
  const refused = await callAction(owner.request, owner.baseURL, "createProjectAction", { name: "CSRF", slug }, { origin: "https://evil.example" });
  expect(refused.result).toBeNull();
  expect(refused.status).toBe(500);
  expect((await owner.request.get(`/p/${slug}`, { maxRedirects: 0 })).status()).toBe(404);
  const sameOrigin = await callAction(owner.request, owner.baseURL, "createProjectAction", { name: "CSRF", slug });
  expect(sameOrigin.result).toEqual({ ok: true, data: { slug } });
  await owner.request.dispose();
});

test("[SECURITY]: session cookies are http-only and SameSite=Lax", async ({ playwright, credentials, baseURL }) => {
  const client = await newClient(playwright, baseURL!);
  const { csrfToken } = (await (await client.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
  });
  const cookies = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  const session = cookies.find((c) => c.startsWith("next-auth.session-token="));
  expect(session).toMatch(/HttpOnly/);
  expect(session).toMatch(/SameSite=Lax/);
  await client.request.dispose();
});

test("[SECURITY]: the share token leaves the URL at first use; the cookie that replaces it is http-only", async ({ playwright, credentials, baseURL }) => {
  const owner = await signInAs(playwright, baseURL!, credentials.email, credentials.password);
  const [run] = await runsOf(owner, credentials.projectSlug);
  const link = await act<{ id: string; path: string }>(owner, "createShareLinkAction", {
    projectId: await projectId(owner, credentials.projectSlug),
    scope: "run",
    runId: run!.id,
  });
  const visitor = await newClient(playwright, baseURL!);
  const opened = await visitor.request.get(link.path, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers().location).toMatch(new RegExp(`/shared/${link.id}$`));
  expect(opened.headers().location).not.toContain("ugs_");
  expect(opened.headers()["set-cookie"]).toMatch(/HttpOnly; SameSite=lax/i);
  expect((await visitor.request.get(`/shared/${link.id}`)).status()).toBe(200);
  // The dashboard's client panels on a shared page call the API with the cookie, naming the link.
  expect((await visitor.request.get(`/api/v1/runs/${run!.id}`, { headers: { "x-unigap-share": link.id } })).status()).toBe(200);
  expect((await visitor.request.get(`/api/v1/runs/${run!.id}`)).status()).toBe(401);
  await Promise.all([owner.request.dispose(), visitor.request.dispose()]);
});
