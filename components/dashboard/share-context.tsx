"use client";

import { createContext, useContext } from "react";

// On a shared page (/shared/<linkId>) the viewer has no session: the dashboard's own API calls name
// the link in `x-unigap-share`, and the server reads the link's http-only cookie (lib/http/route.ts).
const ShareLinkContext = createContext<string | null>(null);

export function ShareLinkProvider({ linkId, children }: { linkId: string; children: React.ReactNode }) {
  return <ShareLinkContext.Provider value={linkId}>{children}</ShareLinkContext.Provider>;
}

/** The share link this page was opened through, or null on a signed-in page. */
export function useShareLinkId(): string | null {
  return useContext(ShareLinkContext);
}
