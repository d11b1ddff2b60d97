import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
  // `npm run check` (first in `npm test`, with lint) type-checks the whole project, tests included, against the same
  // generated route types; the build's own pass repeated that over a part of it, 70 s of every build here.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

// No locale routing: app/_i18n/request.ts negotiates each request's language.
export default createNextIntlPlugin("./app/_i18n/request.ts")(nextConfig);
