import { randomBytes } from "node:crypto";

import { act, signUpAndSignIn } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";

test("[FOUNDATION]: sign in with the demo account and open the demo project", async ({ page, credentials }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, credentials);
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await page.getByRole("link", { name: /Demo/ }).first().click();
  await expect(page.getByRole("heading", { name: "Runs" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /baseline/ }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/foundation-runs.png", fullPage: true });
});

test("[FOUNDATION]: a wrong password is refused with a message", async ({ page, credentials }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});

test("[FOUNDATION]: a signed-out visitor is sent to sign-in and brought back afterwards", async ({ page, credentials }) => {
  await page.goto("/p/demo");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fp%2Fdemo/);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/p\/demo$/);
});

test("[FOUNDATION]: a project the user cannot see is the same 404 as a missing one", async ({ page, credentials, playwright, baseURL }) => {
  // Another user's existing project…
  const stranger = await signUpAndSignIn(playwright, baseURL!, "stranger");
  const slug = `private-${randomBytes(4).toString("hex")}`;
  await act(stranger, "createProjectAction", { name: "Private work", slug });
  expect((await stranger.request.get(`/p/${slug}`)).status()).toBe(200);

  // …looks to the demo user exactly like a slug that does not exist: same status, same page.
  await signIn(page, credentials, "/projects");
  const missing = await page.goto("/p/no-such-project");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const missingText = await page.locator("main").innerText();
  const hidden = await page.goto(`/p/${slug}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect(hidden?.status()).toBe(404);
  expect(missing?.status()).toBe(404);
  expect((await page.locator("main").innerText()).replaceAll(slug, "no-such-project")).toBe(missingText);
  await expect(page.getByText("Private work")).toHaveCount(0);
});
