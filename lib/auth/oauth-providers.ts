// Which OAuth providers are switched on, from environment variables (documented in .env.example).
// Pure: the sign-in page reads the list to show buttons, lib/auth/options.ts builds the providers.

export type TOAuthProviderConfig =
  { id: "github"; name: string; clientId: string; clientSecret: string } | { id: "oidc"; name: string; issuer: string; clientId: string; clientSecret: string };

export type TOAuthProviderButton = { id: string; name: string };

type TEnv = Record<string, string | undefined>;

export function readOAuthProviderConfigs(env: TEnv): TOAuthProviderConfig[] {
  const configs: TOAuthProviderConfig[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    configs.push({ id: "github", name: "GitHub", clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET });
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET) {
    configs.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME?.trim().slice(0, 60) || "Single sign-on",
      issuer: env.AUTH_OIDC_ISSUER.replace(/\/+$/, ""),
      clientId: env.AUTH_OIDC_CLIENT_ID,
      clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    });
  }
  return configs;
}

/** What the sign-in page may show: ids and names, never the secrets. */
export function oauthProviderButtons(env: TEnv): TOAuthProviderButton[] {
  return readOAuthProviderConfigs(env).map(({ id, name }) => ({ id, name }));
}
