import { describe, expect, it } from "vitest";

import { oauthProviderButtons, readOAuthProviderConfigs } from "./oauth-providers";

describe("OAuth providers from the environment", () => {
  it("are off unless every variable of a provider is set", () => {
    expect(readOAuthProviderConfigs({})).toEqual([]);
    expect(readOAuthProviderConfigs({ AUTH_GITHUB_ID: "id" })).toEqual([]);
    expect(readOAuthProviderConfigs({ AUTH_OIDC_ISSUER: "https://idp.example", AUTH_OIDC_CLIENT_ID: "c" })).toEqual([]);
  });

  it("switch on GitHub and a generic OIDC issuer, whose trailing slash is dropped", () => {
    const env = {
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
      AUTH_OIDC_ISSUER: "https://idp.example/realms/lab/",
      AUTH_OIDC_CLIENT_ID: "unigap",
      AUTH_OIDC_CLIENT_SECRET: "oidc-secret",
      AUTH_OIDC_NAME: "Lab SSO",
    };
    expect(readOAuthProviderConfigs(env).map((c) => ("issuer" in c ? c.issuer : c.id))).toEqual(["github", "https://idp.example/realms/lab"]);
    expect(oauthProviderButtons(env)).toEqual([
      { id: "github", name: "GitHub" },
      { id: "oidc", name: "Lab SSO" },
    ]);
    expect(JSON.stringify(oauthProviderButtons(env))).not.toContain("secret");
  });
});
