import type { APIRequestContext } from "@playwright/test";

import { act, newClient, signInClient, signUpAndSignIn, uniqueEmail } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { callAction } from "../support/server-actions";

async function trySignIn(request: APIRequestContext, email: string, password: string): Promise<string | null> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

test("[ACCOUNTS]: five wrong passwords lock the account for a while, even against the right one", async ({ playwright, baseURL }) => {
  const account = await signUpAndSignIn(playwright, baseURL!, "limited");
  const fresh = await newClient(playwright, baseURL!);
  for (let i = 0; i < 5; i++) expect(await trySignIn(fresh.request, account.email, "wrong-password")).toBe("CredentialsSignin");
  expect(await trySignIn(fresh.request, account.email, account.password)).toMatch(/^RATE_LIMITED:\d+$/);
  // Another account from the same address is not affected.
  const other = await signUpAndSignIn(playwright, baseURL!, "neighbour");
  expect(await trySignIn(fresh.request, other.email, other.password)).toBeNull();
  await Promise.all([account.request.dispose(), fresh.request.dispose(), other.request.dispose()]);
});

test("[ACCOUNTS]: changing the password signs out every other session", async ({ playwright, baseURL }) => {
  const laptop = await signUpAndSignIn(playwright, baseURL!, "rotating");
  const phone = await newClient(playwright, baseURL!);
  await signInClient(phone, laptop.email, laptop.password);
  await act(laptop, "changePasswordAction", { currentPassword: laptop.password, newPassword: "a-brand-new-password" });
  expect((await phone.request.get("/api/v1/projects")).status()).toBe(401);
  expect((await phone.request.get("/projects", { maxRedirects: 0 })).headers().location).toContain("/sign-in");
  expect((await laptop.request.get("/api/v1/projects")).status()).toBe(401); // the form signs this browser in again
  expect(await trySignIn(phone.request, laptop.email, "a-brand-new-password")).toBeNull();
  await Promise.all([laptop.request.dispose(), phone.request.dispose()]);
});

test("[ACCOUNTS]: sign-up refuses a taken email and a short password with field errors", async ({ playwright, baseURL, credentials }) => {
  const client = await newClient(playwright, baseURL!);
  const taken = await callAction(client.request, baseURL!, "signUpAction", { email: credentials.email, password: "long-enough-password" });
  expect(taken.result).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining("already exists")] } });
  const short = await callAction(client.request, baseURL!, "signUpAction", { email: uniqueEmail("short"), password: "short" });
  expect(short.result).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining("at least 10")] } });
  await client.request.dispose();
});
