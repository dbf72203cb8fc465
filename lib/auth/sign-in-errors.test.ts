import { describe, expect, it } from "vitest";

import { signInErrorMessage } from "./sign-in-errors";

describe("sign-in error messages", () => {
  it.each([
    ["CredentialsSignin", "Wrong email or password."],
    [null, "Wrong email or password."],
    ["RATE_LIMITED:42", "Too many failed attempts. Try again in 42 s."],
    ["OAuthAccountNotLinked", "An account with this email already exists. Sign in with your password."],
    ["<script>", "Signing in did not work. Try again."],
  ])("%s", (code, message) => {
    expect(signInErrorMessage(code)).toBe(message);
  });
});
