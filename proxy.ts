import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

/**
 * Gives every page a fresh script nonce and its Content-Security-Policy. Next reads the policy from the
 * request to put the nonce on its scripts, and the browser enforces the one on the response. No
 * authorisation here: every page, action and route checks the session and role itself.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API responses are JSON, and static files carry no markup.
      source: "/((?!api|metrics|_next/static|_next/image|favicon.ico|screenshots).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
