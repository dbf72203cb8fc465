import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

import { isHttpsDeployment } from "@/lib/http/public-url";
import { INVITE_COOKIE, INVITE_COOKIE_SECONDS } from "@/lib/projects/invite-cookie";

export const dynamic = "force-dynamic";

// GET /invite/{token} — the link an owner hands on. The token moves into an http-only cookie and the
// browser goes on to /invite, which shows the invitation and lets the invitee sign in and accept.
export async function GET(req: NextRequest, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const response = NextResponse.redirect(new URL("/invite", process.env.NEXTAUTH_URL || req.nextUrl.origin), 303);
  response.cookies.set(INVITE_COOKIE, token.slice(0, 200), {
    httpOnly: true,
    secure: isHttpsDeployment(),
    sameSite: "lax",
    path: "/",
    maxAge: INVITE_COOKIE_SECONDS,
  });
  response.headers.set("cache-control", "no-store");
  return response;
}
