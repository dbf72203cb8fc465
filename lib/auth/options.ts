import "server-only";

import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";

import { AppError } from "@/lib/errors";
import { isHttpsDeployment } from "@/lib/http/public-url";
import { normalizeEmail, verifyCredentials } from "@/lib/users/service";

import { createAuthAdapter } from "./adapter";
import { readOAuthProviderConfigs, type TOAuthProviderConfig } from "./oauth-providers";
import { rateLimitedSignInCode } from "./sign-in-errors";
import { assertSignInAllowed, clientAddress, recordSignInFailure } from "./sign-in-limits";

// Sessions are JWTs in an http-only cookie (Credentials requires it). The signing secret comes from
// NEXTAUTH_SECRET, which first start generates and stores when the operator sets none. Cookies get
// the Secure flag and __Secure- names whenever the public URL is https.

const credentials = CredentialsProvider({
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input, req) {
    const email = normalizeEmail(input?.email?.slice(0, 320) ?? "");
    const password = input?.password?.slice(0, 1024) ?? "";
    if (!email || !password) return null;
    const forwarded = req?.headers?.["x-forwarded-for"];
    const address = clientAddress(typeof forwarded === "string" ? forwarded : null);
    try {
      await assertSignInAllowed(email, address);
    } catch (error) {
      // next-auth hands the message to the sign-in page as ?error=…; the form explains it.
      if (error instanceof AppError) throw new Error(rateLimitedSignInCode((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
      throw error;
    }
    const user = await verifyCredentials(email, password);
    if (!user) await recordSignInFailure(email, address);
    return user;
  },
});

function oauthProvider(config: TOAuthProviderConfig): Provider {
  if (config.id === "github") return GitHubProvider({ clientId: config.clientId, clientSecret: config.clientSecret });
  return {
    id: "oidc",
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; email?: string; name?: string; preferred_username?: string; picture?: string }) {
      return { id: profile.sub, email: profile.email ?? "", name: profile.name ?? profile.preferred_username ?? null, image: profile.picture ?? null };
    },
  };
}

const oauthProviders = readOAuthProviderConfigs(process.env).map(oauthProvider);

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  useSecureCookies: isHttpsDeployment(),
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // The adapter only matters to OAuth (users and linked accounts); credentials sign-in never calls it.
  adapter: oauthProviders.length > 0 ? createAuthAdapter() : undefined,
  providers: [credentials, ...oauthProviders],
  callbacks: {
    async signIn({ user, account }) {
      // An OAuth identity without an email cannot become a unigap account (emails are how people are invited).
      if (account && account.type !== "credentials" && !user.email) return false;
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        session.user.id = token.uid;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
};
