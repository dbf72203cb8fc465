import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "unigap", template: "%s · unigap" },
  description: "Generation–understanding unification experiments: Nonunified score, co-improvement and co-degradation.",
};

// The theme is applied before paint from localStorage or the system preference, so dark mode never flashes.
const THEME_SCRIPT = `try{var t=localStorage.getItem('unigap-theme');if(t==='dark'||(!t&&matchMedia('(prefers-color-scheme: dark)').matches))document.documentElement.classList.add('dark')}catch(e){}`;

// Reading the nonce makes every page render per request, which a nonce-based CSP needs (proxy.ts).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
