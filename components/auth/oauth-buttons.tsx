"use client";

import { signIn } from "next-auth/react";

import { Button } from "@/components/ui/button";
import type { TOAuthProviderButton } from "@/lib/auth/oauth-providers";

export function OAuthButtons({ providers, callbackUrl }: { providers: TOAuthProviderButton[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {providers.map((provider) => (
        <Button key={provider.id} type="button" variant="secondary" onClick={() => signIn(provider.id, { callbackUrl })}>
          Continue with {provider.name}
        </Button>
      ))}
      <p className="text-center text-xs text-[var(--muted)]">or with email</p>
    </div>
  );
}
