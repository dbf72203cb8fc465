import fs from "node:fs";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { act, newClient, openInvite, projectId, runsOf, signInClient, signUpAndSignIn } from "../support/accounts";
import { readCredentials } from "../support/fixtures";
import { callAction } from "../support/server-actions";
import { killServer, startServer, waitForHealth, systemPort, type TServer } from "../support/server-process";

// Secrets pass through the server (keys, share and invitation tokens, passwords) and none of them may
// reach its log, failures included. The demo password of the first start is printed on purpose.
const port = systemPort("noSecretsInLogs");
let server: TServer | undefined;

test.afterAll(() => {
  if (server) killServer(server, "SIGKILL");
});

test("[SECURITY]: keys, share and invitation tokens and passwords never appear in the server log", async ({ playwright }) => {
  test.setTimeout(180_000);
  const dataDir = path.resolve(`.unigap-e2e/logs-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = startServer(port, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "" });
  await waitForHealth(port);
  const baseURL = `http://127.0.0.1:${port}`;
  const credentials = readCredentials(dataDir);
  const owner = await newClient(playwright, baseURL);
  await signInClient(owner, credentials.email, credentials.password);
  const demoId = await projectId(owner, credentials.projectSlug);
  const [run] = await runsOf(owner, credentials.projectSlug);

  const key = await act<{ id: string; secret: string }>(owner, "createApiKeyAction", { projectId: demoId, name: "log test" });
  const link = await act<{ id: string; path: string }>(owner, "createShareLinkAction", { projectId: demoId, scope: "run", runId: run!.id });
  const invite = await act<{ path: string }>(owner, "createInviteAction", { projectId: demoId, role: "viewer", expiresInDays: 1 });
  const guest = await signUpAndSignIn(playwright, baseURL, "logs");
  await openInvite(guest, invite.path);
  await act(guest, "acceptInviteAction", {});
  await guest.request.get(link.path);
  await guest.request.get("/api/v1/projects", { headers: { authorization: `Bearer ${key.secret}` } });
  await act(owner, "revokeApiKeyAction", { projectId: demoId, keyId: key.id });
  await guest.request.get("/api/v1/projects", { headers: { authorization: `Bearer ${key.secret}` } });
  await guest.request.get(`/api/v1/runs/${run!.id}`, { headers: { authorization: `Bearer ${link.path.replace("/share/", "")}x` } });
  await callAction(owner.request, baseURL, "createApiKeyAction", { projectId: demoId, name: "csrf" }, { origin: "https://evil.example" });
  await signInClient(guest, guest.email, "wrong-password").catch(() => undefined);

  const log = server.output();
  for (const secret of [key.secret, link.path.replace("/share/", ""), invite.path.replace("/invite/", ""), guest.password]) {
    expect(log).not.toContain(secret);
  }
  expect(log).not.toMatch(/ug[ksi]_[A-Za-z0-9_-]{20,}/);
  expect(log).toContain("Invalid Server Actions request"); // the refused call was logged, without its payload
  await Promise.all([owner.request.dispose(), guest.request.dispose()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
