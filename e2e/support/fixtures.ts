import fs from "node:fs";
import path from "node:path";

import { test as base, expect, type Page } from "@playwright/test";

export type TDemoCredentials = { email: string; password: string; projectSlug: string; apiKey: string };

/** The demo account the server wrote to its data folder on first start. */
export function readCredentials(dataDir: string): TDemoCredentials {
  return JSON.parse(fs.readFileSync(path.join(dataDir, "demo-credentials.json"), "utf8")) as TDemoCredentials;
}

export async function signIn(page: Page, credentials: { email: string; password: string }, returnTo = "/projects") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

type TFixtures = {
  credentials: TDemoCredentials;
  /** The UI specs' own copy of the demo project (e2e/ui-project.setup.ts): nothing else writes to it. */
  uiSlug: string;
  /** Bearer header for the demo project's API key. */
  apiHeaders: Record<string, string>;
  /** A name no other test (or worker, or run) uses. */
  uniqueName: (prefix: string) => string;
};

export const test = base.extend<TFixtures>({
  credentials: async ({}, use, testInfo) => {
    await use(readCredentials(String(testInfo.project.metadata.dataDir)));
  },
  uiSlug: async ({}, use, testInfo) => {
    const file = path.join(String(testInfo.project.metadata.dataDir), "ui-project.json");
    await use((JSON.parse(fs.readFileSync(file, "utf8")) as { slug: string }).slug);
  },
  apiHeaders: async ({ credentials }, use) => {
    await use({ authorization: `Bearer ${credentials.apiKey}` });
  },
  uniqueName: async ({}, use, testInfo) => {
    let n = 0;
    await use((prefix) => `${prefix}-${testInfo.workerIndex}-${Date.now().toString(36)}-${n++}`);
  },
});

export { expect };
