import { randomBytes } from "node:crypto";

import type { Page } from "@playwright/test";

import { callAction } from "./support/server-actions";
import { expect, test } from "./support/fixtures";

const SCREENS = "test-results/screens";

/** Fails the test on any CSP violation or uncaught error: the app must work under its own policy. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

/** Full-page screenshots from the top, so the sticky header sits where a person sees it. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("[ACCOUNTS]: sign up, create a project, invite a viewer who can read but not write", async ({ page, browser, baseURL }) => {
  const problems = watchForViolations(page);
  const id = randomBytes(3).toString("hex");
  const owner = { email: `owner-${id}@ui.unigap`, password: `pw-${id}-owner-long` };
  await page.goto("/sign-up");
  await screenshot(page, "accounts-sign-up");
  await signUp(page, "Olga Owner", owner.email, owner.password);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await screenshot(page, "accounts-projects-new");

  await page.getByLabel("Project name").fill(`Ablations ${id}`);
  await expect(page.getByLabel("URL")).toHaveValue(`ablations-${id}`);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/ablations-${id}$`));
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Project settings" })).toBeVisible();

  const invitations = page.locator("#invites");
  await invitations.getByLabel("Role").selectOption("viewer");
  await invitations.getByRole("button", { name: "Create invitation link" }).click();
  const inviteUrl = await page.getByLabel("Invitation link").inputValue();
  expect(inviteUrl).toMatch(/\/invite\/ugi_/);
  await screenshot(page, "accounts-settings-owner");
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await screenshot(page, "accounts-settings-owner-dark");
  await page.getByRole("button", { name: "Toggle dark mode" }).click();

  const viewerContext = await browser.newContext({ baseURL });
  const viewerPage = await viewerContext.newPage();
  problems.push(...watchForViolations(viewerPage));
  await viewerPage.goto(inviteUrl);
  await expect(viewerPage.getByText(`invites you to Ablations ${id} as viewer`)).toBeVisible();
  await screenshot(viewerPage, "accounts-invite");
  await viewerPage.getByRole("link", { name: "Create an account" }).click();
  await signUp(viewerPage, "Victor Viewer", `viewer-${id}@ui.unigap`, `pw-${id}-viewer-long`);
  await viewerPage.getByRole("button", { name: `Join Ablations ${id}` }).click();
  await expect(viewerPage).toHaveURL(new RegExp(`/p/ablations-${id}$`));
  await expect(viewerPage.getByRole("heading", { name: "Runs" })).toBeVisible();

  await viewerPage.getByRole("link", { name: "Settings" }).click();
  await expect(viewerPage.getByText("you are viewer")).toBeVisible();
  await expect(viewerPage.getByRole("cell", { name: /Olga Owner/ })).toBeVisible();
  await expect(viewerPage.getByRole("heading", { name: "API keys" })).toHaveCount(0);
  await expect(viewerPage.getByRole("heading", { name: "Share links" })).toHaveCount(0);
  await expect(viewerPage.getByRole("combobox")).toHaveCount(0); // no role changes
  await screenshot(viewerPage, "accounts-settings-viewer");
  // Writing is refused by the service, not just hidden: the viewer's own session calls the action directly.
  const projects = (await (await viewerPage.request.get("/api/v1/projects")).json()) as { projects: { id: string; slug: string }[] };
  const project = projects.projects.find((p) => p.slug === `ablations-${id}`)!;
  const attempt = await callAction(viewerPage.request, baseURL!, "createInviteAction", { projectId: project.id, role: "owner", expiresInDays: 1 });
  expect(attempt.result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Role of Victor Viewer" })).toHaveValue("viewer");
  await viewerContext.close();

  await page.getByRole("link", { name: owner.email }).click();
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password").fill(`pw-${id}-rotated-long`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is wrong.")).toBeVisible();
  await page.getByLabel("Current password").fill(owner.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed.")).toBeVisible();
  await screenshot(page, "accounts-password-changed");
  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible(); // this browser stayed signed in
  expect(problems).toEqual([]);
});

test("[SHARING]: a share link opens one run without signing in, and stops working when revoked", async ({ page, browser, baseURL, credentials }) => {
  const problems = watchForViolations(page);
  await page.goto("/sign-in?callbackUrl=%2Fp%2Fdemo%2Fsettings");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Project settings" })).toBeVisible();

  const sharing = page.locator("#share-links");
  const runSelect = sharing.getByLabel("Run");
  const runName = (await runSelect.locator("option").first().textContent())!;
  const otherRunNames = (await runSelect.locator("option").allTextContents()).slice(1);
  const label = `ui-${randomBytes(3).toString("hex")}`;
  await sharing.getByLabel("Label (optional)").fill(label);
  await sharing.getByRole("button", { name: "Create share link" }).click();
  const shareUrl = await page.getByLabel("New share link", { exact: true }).inputValue();
  expect(shareUrl).toMatch(/\/share\/ugs_/);
  const row = page.getByRole("row").filter({ hasText: label });
  await expect(row.getByText("active")).toBeVisible();
  await screenshot(page, "sharing-created");

  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  problems.push(...watchForViolations(visitor));
  await visitor.goto(shareUrl);
  await expect(visitor).toHaveURL(/\/shared\/[0-9a-f-]{36}$/);
  expect(visitor.url()).not.toContain("ugs_");
  await expect(visitor.getByRole("heading", { name: runName })).toBeVisible();
  await expect(visitor.getByText("read-only")).toBeVisible();
  for (const other of otherRunNames) await expect(visitor.getByText(other, { exact: true })).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await screenshot(visitor, "sharing-visitor");

  await page.reload();
  await expect(row.getByRole("cell").nth(4)).toHaveText("1"); // one use
  await row.getByRole("button", { name: "Revoke" }).click();
  await row.getByRole("button", { name: "Revoke link" }).click();
  await expect(row.getByText("revoked")).toBeVisible();
  await screenshot(page, "sharing-revoked-owner");

  await visitor.reload();
  await expect(visitor.getByRole("heading", { name: "This share link is not valid" })).toBeVisible();
  await visitor.goto(shareUrl);
  await expect(visitor.getByRole("heading", { name: "This share link is not valid" })).toBeVisible();
  await screenshot(visitor, "sharing-revoked-visitor");
  await visitorContext.close();
  expect(problems).toEqual([]);
});

test("[SHARING]: an anonymized comparison shows runs A and B and no names, in dark mode too", async ({ page, browser, baseURL, credentials }) => {
  await page.goto("/sign-in?callbackUrl=%2Fp%2Fdemo%2Fsettings");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const sharing = page.locator("#share-links");
  await sharing.getByLabel("A comparison").check();
  const runLabels = sharing.locator("label", { has: page.locator('input[name="runIds"]') });
  const names = (await runLabels.allTextContents()).slice(0, 2).map((name) => name.trim());
  for (const name of names) await sharing.getByRole("checkbox", { name, exact: true }).check();
  await sharing.getByLabel("View").fill("metric=non&x=step");
  await sharing.getByLabel(/Anonymize/).check();
  await sharing.getByRole("button", { name: "Create share link" }).click();
  const shareUrl = await page.getByLabel("New share link", { exact: true }).inputValue();

  const reviewerContext = await browser.newContext({ baseURL, colorScheme: "dark" });
  const reviewer = await reviewerContext.newPage();
  await reviewer.goto(shareUrl);
  await expect(reviewer.getByRole("heading", { name: "Comparison of 2 runs" })).toBeVisible();
  await expect(reviewer.getByRole("heading", { name: "Run A", exact: true }).first()).toBeVisible();
  await expect(reviewer.getByRole("heading", { name: "Run B", exact: true }).first()).toBeVisible();
  await expect(reviewer.getByText("Anonymized project")).toBeVisible();
  const text = await reviewer.locator("body").innerText();
  for (const name of names) expect(text).not.toContain(name);
  expect(text).not.toContain("Demo");
  await screenshot(reviewer, "sharing-anonymized-dark");
  await reviewerContext.close();
});
