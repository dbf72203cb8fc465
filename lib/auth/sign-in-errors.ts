// next-auth reports a failed sign-in as a short code in `?error=` (or signIn()'s result); these are
// the sentences the sign-in form shows for them. A rate limit arrives as "RATE_LIMITED:<seconds>"
// (lib/auth/options.ts), so the form can say how long to wait.

const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

/** The `?error=` code of a rate-limited sign-in: the form reads the wait back out of it. */
export function rateLimitedSignInCode(retryAfterSeconds: number): string {
  return `${SIGN_IN_RATE_LIMITED}:${Math.ceil(retryAfterSeconds)}`;
}

export function signInErrorMessage(code: string | null | undefined): string {
  const limited = new RegExp(`^${SIGN_IN_RATE_LIMITED}:(\\d+)$`).exec(code ?? "");
  if (limited) return `Too many failed attempts. Try again in ${limited[1]} s.`;
  if (code === "OAuthAccountNotLinked") return "An account with this email already exists. Sign in with your password.";
  if (code && code !== "CredentialsSignin") return "Signing in did not work. Try again.";
  return "Wrong email or password.";
}
