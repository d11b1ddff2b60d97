import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";
import { PATH_HEADER } from "@/lib/i18n/path-header";

/**
 * Gives every page a fresh script nonce and its Content-Security-Policy. Next reads the policy from the
 * request to put the nonce on its scripts, and the browser enforces the one on the response. No
 * authorisation here: every page, action and route checks the session and role itself.
 */
export function proxy(request: NextRequest) {
  if (isForeignActionPost(request)) {
    return new NextResponse("Forms of this site can only be sent from this site.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * A server action posted from another site's page. Next refuses it too, but as a bare 500; the client
 * did wrong, so answer 403 before the action is looked at. Same rule as Next: the Origin's host must be
 * the host the request came to (or TANDEM_URL's).
 *
 * Next takes every POST to a page as a possible action: a fetch with a Next-Action header, and also a
 * plain multipart or urlencoded form post without one (a form sent before JavaScript loads names its
 * action in the body). So the rule holds for any POST here: pages answer nothing else, and this
 * proxy's matcher leaves out /api and /metrics, whose routes check their own tokens.
 */
function isForeignActionPost(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const originHost = hostOf(origin);
  if (originHost === undefined) return true;
  const served = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return originHost !== served && originHost !== hostOf(process.env.TANDEM_URL);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export const config = {
  matcher: [
    {
      // Pages only: API responses are JSON, and static files carry no markup. Each name ends at a slash or the
      // path's end, so a page whose path merely starts with one (/api-docs) still gets its headers and checks.
      source: "/((?!api/|api$|metrics$|_next/static/|_next/image|favicon.ico$|screenshots/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
