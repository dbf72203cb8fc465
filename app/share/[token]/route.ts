import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

import { isAppError } from "@/lib/errors";
import { isHttpsDeployment } from "@/lib/http/public-url";
import { originOf, runWithOrigin } from "@/lib/http/request-context";
import { authenticateShareToken } from "@/lib/sharing/service";
import { shareCookieName } from "@/lib/sharing/share-token";

export const dynamic = "force-dynamic";

const MAX_COOKIE_SECONDS = 7 * 24 * 60 * 60;

// GET /share/{token} — the link people receive. The token is exchanged for an http-only cookie scoped
// to this link and the browser is sent on to /shared/{linkId}, so the token leaves the address bar,
// the history and any Referer after the first request. Revocation still applies: every view checks it.
export async function GET(req: NextRequest, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const base = process.env.NEXTAUTH_URL || req.nextUrl.origin;
  try {
    const actor = await runWithOrigin(originOf(req.headers), () => authenticateShareToken(token, { isOpening: true }));
    const response = NextResponse.redirect(new URL(`/shared/${actor.linkId}`, base), 303);
    response.cookies.set(shareCookieName(actor.linkId, isHttpsDeployment()), token, {
      httpOnly: true,
      secure: isHttpsDeployment(),
      sameSite: "lax",
      path: "/",
      maxAge: MAX_COOKIE_SECONDS,
    });
    response.headers.set("cache-control", "no-store");
    return response;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.redirect(new URL("/shared/not-valid", base), 303);
  }
}
