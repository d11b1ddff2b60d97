import fs from "node:fs";
import { WALL_LINK_FILE } from "./users";

/**
 * Every page of the app, as the sweeps visit it: `route` is the page's folder under app/ (route groups
 * dropped), `path` a real address of it in the test data. lib/testing/e2e-pages.test.ts fails when a
 * page.tsx has no entry here, so a new page joins the axe and sideways-scroll sweeps by being listed.
 */
export type AppPage = { route: string; path: string | (() => string); heading: string | RegExp; signedOut?: boolean };

export const APP_PAGES: AppPage[] = [
  { route: "/", path: "/", heading: "Overview" },
  { route: "/me", path: "/me", heading: "My work" },
  { route: "/timeline", path: "/timeline", heading: "Timeline" },
  { route: "/deployments", path: "/deployments", heading: "Deployments" },
  { route: "/deployments/[id]", path: "/deployments/1", heading: /.+/ },
  { route: "/deployments/new", path: "/deployments/new", heading: "Record a deployment" },
  { route: "/incidents", path: "/incidents", heading: "Incidents" },
  { route: "/incidents/[id]", path: "/incidents/1", heading: /.+/ },
  { route: "/incidents/new", path: "/incidents/new", heading: "Declare incident" },
  { route: "/incidents/[id]/postmortem", path: "/incidents/1/postmortem", heading: /^Postmortem: / },
  { route: "/changes", path: "/changes", heading: "Change requests" },
  { route: "/changes/[id]", path: "/changes/1", heading: /.+/ },
  { route: "/changes/new", path: "/changes/new", heading: "File a change request" },
  { route: "/changes/queue", path: "/changes/queue", heading: "Waiting for you" },
  { route: "/changes/freezes", path: "/changes/freezes", heading: "Freeze windows" },
  { route: "/changes/calendar", path: "/changes/calendar?view=month", heading: "Change calendar" },
  { route: "/services", path: "/services", heading: "Services" },
  { route: "/services/[slug]", path: "/services/checkout-api", heading: "Checkout API" },
  { route: "/teams", path: "/teams", heading: "Teams" },
  { route: "/teams/[slug]", path: "/teams/payments", heading: "Team Payments" },
  { route: "/drilldown/[kind]", path: "/drilldown/failures", heading: "Failed changes and their recovery" },
  { route: "/drilldown/[kind]", path: "/drilldown/deployments", heading: /.+/ },
  { route: "/drilldown/[kind]", path: "/drilldown/lead-time", heading: /.+/ },
  { route: "/drilldown/[kind]", path: "/drilldown/rework", heading: /.+/ },
  { route: "/drilldown/[kind]", path: "/drilldown/incidents", heading: /.+/ },
  { route: "/settings", path: "/settings", heading: "Settings" },
  { route: "/settings/audit", path: "/settings/audit", heading: "Audit log" },
  { route: "/settings/teams/[slug]", path: "/settings/teams/payments", heading: "Team Payments" },
  { route: "/settings/integrations/[id]", path: "/settings/integrations/1", heading: /.+/ },
  { route: "/settings/channels/[id]", path: "/settings/channels/1", heading: /.+/ },
  { route: "/data-health", path: "/data-health", heading: "Data health" },
  { route: "/how-computed", path: "/how-computed", heading: "How is this computed?" },
  { route: "/api-docs", path: "/api-docs", heading: "API" },
  { route: "/wall", path: "/wall", heading: "Tandem" },
  { route: "/wall/[token]", path: () => `/wall/${fs.readFileSync(WALL_LINK_FILE, "utf8").trim().split("/").pop()}`, heading: /.+/, signedOut: true },
  { route: "/sign-in", path: "/sign-in", heading: "Sign in to Tandem", signedOut: true },
];

export const pathOf = (p: AppPage) => (typeof p.path === "string" ? p.path : p.path());

/** The route a page file serves: `app/(app)/deployments/[id]/page.tsx` → `/deployments/[id]`. */
export function routeOf(pageFile: string): string {
  const segments = pageFile
    .split("/")
    .slice(1, -1)
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.join("/")}`;
}
