import { TOKEN_ROLES, USER_ROLES, type TokenRole, type UserRole } from "./roles";

/**
 * Who may call what: every route handler and every exported server action, with the expected
 * answer for each kind of caller. The access-matrix tests call every cell (routes against the
 * production server in e2e/access-matrix.spec.ts, actions in-process in
 * app/_actions/access-matrix.test.ts), and access-registry.test.ts fails when a route or action
 * exists without an entry here, so a new endpoint cannot ship without saying who may use it.
 */

export type Principal = "anonymous" | `user:${UserRole}` | `token:${TokenRole}` | "wall";

export const PRINCIPALS: readonly Principal[] = [
  "anonymous",
  ...USER_ROLES.map((r) => `user:${r}` as const),
  ...TOKEN_ROLES.map((r) => `token:${r}` as const),
  "wall",
];

const users = (...roles: UserRole[]): Principal[] => roles.map((r) => `user:${r}` as const);
const tokens = (...roles: TokenRole[]): Principal[] => roles.map((r) => `token:${r}` as const);
const EVERY_USER = users(...USER_ROLES);
const RECORDERS = users("engineer", "approver", "admin");

export type RouteEntry = {
  /** The route file under app/, as on disk (route groups included). */
  file: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Who gets an answer; everyone else is refused (401, 403 or 404) and nothing is written. */
  allow: readonly Principal[];
  why: string;
};

export type ActionEntry = {
  /** The "use server" module under app/_actions/ and its exported function. */
  module: string;
  name: string;
  allow: readonly Principal[];
  why: string;
};

export const ROUTES = [
  { file: "app/api/health/route.ts", method: "GET", allow: PRINCIPALS, why: "liveness for load balancers: no credentials" },
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({
    file: "app/api/v1/[...path]/route.ts",
    method,
    allow: [],
    why: "no endpoint: whoever asks gets the API's 404",
  })),
  { file: "app/metrics/route.ts", method: "GET", allow: tokens("read", "admin"), why: "Prometheus scrapes with a read token" },
  { file: "app/api/v1/metrics/route.ts", method: "GET", allow: tokens("read", "admin"), why: "API: bearer token only" },
  { file: "app/api/v1/timeline/route.ts", method: "GET", allow: [...EVERY_USER, ...tokens("read", "admin")], why: "read token, or the session (the timeline page polls it)" },
  { file: "app/api/v1/oncall/route.ts", method: "GET", allow: [...EVERY_USER, ...tokens("read", "admin")], why: "read token, or the session (who is on call is no secret inside the company)" },
  { file: "app/api/v1/openapi.json/route.ts", method: "GET", allow: [...EVERY_USER, ...tokens("read", "admin")], why: "read token, or the session (the API docs page)" },
  { file: "app/api/v1/deployments/route.ts", method: "POST", allow: tokens("ingest", "admin"), why: "writes need an ingest or admin token" },
  { file: "app/api/v1/incidents/route.ts", method: "POST", allow: tokens("ingest", "admin"), why: "writes need an ingest or admin token" },
  { file: "app/api/v1/incidents/[id]/route.ts", method: "PATCH", allow: tokens("ingest", "admin"), why: "writes need an ingest or admin token" },
  { file: "app/api/v1/incidents/[id]/action-items/route.ts", method: "GET", allow: tokens("read", "admin"), why: "API: bearer token only" },
  { file: "app/api/v1/incidents/[id]/action-items/route.ts", method: "POST", allow: tokens("ingest", "admin"), why: "writes need an ingest or admin token" },
  { file: "app/api/v1/action-items/[id]/route.ts", method: "PATCH", allow: tokens("ingest", "admin"), why: "writes need an ingest or admin token" },
  { file: "app/api/v1/changes/route.ts", method: "POST", allow: tokens("ingest", "admin"), why: "writes need an ingest or admin token" },
  { file: "app/api/v1/services/[slug]/route.ts", method: "PUT", allow: tokens("ingest", "admin"), why: "writes need an ingest or admin token (gating fields an admin token)" },
  { file: "app/api/v1/gate/route.ts", method: "POST", allow: tokens("ingest", "admin"), why: "pipelines ask with the token they record deployments with" },
  { file: "app/api/v1/freezes/route.ts", method: "POST", allow: tokens("admin"), why: "freezes are managed by admins" },
  { file: "app/api/v1/freezes/[id]/route.ts", method: "DELETE", allow: tokens("admin"), why: "freezes are managed by admins" },
  { file: "app/api/v1/webhooks/[source]/route.ts", method: "POST", allow: [], why: "only the integration's own signature or secret, never a session or token" },
  { file: "app/api/v1/webhooks/[source]/[integration]/route.ts", method: "POST", allow: [], why: "only the integration's own signature or secret, never a session or token" },
  { file: "app/api/wall/[token]/route.ts", method: "GET", allow: [...EVERY_USER, "wall"], why: "a TV's share link, or a signed-in person's own wall" },
  { file: "app/api/wall/[token]/events/route.ts", method: "GET", allow: [...EVERY_USER, "wall"], why: "the wall's live stream: whoever may see its data" },
  { file: "app/api/calendar/[feed]/route.ts", method: "GET", allow: [], why: "only the feed link's own secret (calendar apps cannot sign in), never a session or token" },
  { file: "app/(app)/drilldown/[kind]/csv/route.ts", method: "GET", allow: EVERY_USER, why: "CSV download from the pages: the session only" },
] as const satisfies readonly RouteEntry[];

const PUBLIC = PRINCIPALS;
const record = (module: string, name: string): ActionEntry => ({ module, name, allow: RECORDERS, why: "engineers record (and approvers and admins inherit it)" });
const approve = (module: string, name: string): ActionEntry => ({ module, name, allow: users("approver", "admin"), why: "only approvers and admins decide changes" });
const manage = (module: string, name: string): ActionEntry => ({ module, name, allow: users("admin"), why: "management is for admins" });

export const ACTIONS = [
  record("changes", "fileChange"),
  approve("changes", "decideAction"),
  record("changes", "submitDraftAction"),
  record("changes", "cancelChangeAction"),
  manage("changes", "addFreeze"),
  manage("changes", "removeFreeze"),
  manage("changes", "addTemplate"),
  manage("changes", "removeTemplateAction"),
  record("changes", "outcomeAction"),
  record("deployments", "recordDeploymentAction"),
  record("deployments", "flagDeploymentAction"),
  record("incident-response", "declareIncident"),
  record("incident-response", "moveIncidentAction"),
  record("incident-response", "acknowledgeAction"),
  record("incident-response", "addNoteAction"),
  record("incident-response", "setLeadAction"),
  record("incident-response", "setCommunicationsAction"),
  record("incident-response", "correctTimesAction"),
  record("incident-response", "postmortemAction"),
  record("incidents", "confirmCause"),
  record("action-items", "addActionItemAction"),
  record("action-items", "editActionItemAction"),
  record("action-items", "setActionItemStatusAction"),
  manage("integrations", "addIntegration"),
  manage("integrations", "saveIntegrationConfig"),
  manage("integrations", "setIntegrationEnabled"),
  manage("integrations", "saveIntegrationGate"),
  manage("notifications", "addChannel"),
  manage("notifications", "setChannelEnabledAction"),
  manage("notifications", "deleteChannelAction"),
  manage("notifications", "sendTestAction"),
  manage("notifications", "setChannelLocaleAction"),
  manage("services", "editService"),
  { module: "session", name: "signIn", allow: PUBLIC, why: "how anyone becomes signed in" },
  { module: "session", name: "signOut", allow: PUBLIC, why: "ends whatever session the caller has" },
  { module: "theme", name: "setTheme", allow: PUBLIC, why: "a display preference in a cookie; writes no data" },
  { module: "locale", name: "setLanguage", allow: EVERY_USER, why: "each signed-in person sets their own UI language" },
  manage("tokens", "createToken"),
  manage("tokens", "revokeToken"),
  manage("users", "createUser"),
  manage("users", "changeRole"),
  manage("users", "setActive"),
  manage("teams", "createTeamAction"),
  manage("teams", "deleteTeamAction"),
  manage("teams", "addMemberAction"),
  manage("teams", "removeMemberAction"),
  manage("teams", "moveMemberAction"),
  manage("teams", "setRotationAction"),
  manage("teams", "addOverrideAction"),
  manage("teams", "removeOverrideAction"),
  manage("wall-links", "addWallLink"),
  manage("wall-links", "removeWallLink"),
  manage("calendar-feeds", "addCalendarFeed"),
  manage("calendar-feeds", "removeCalendarFeed"),
] as const satisfies readonly ActionEntry[];

/** "GET /api/v1/metrics": the URL pattern of a route file (route groups dropped). */
export function routeKey(entry: Pick<RouteEntry, "file" | "method">): string {
  const path = entry.file.replace(/^app/, "").replace(/\/route\.ts$/, "").replace(/\/\([^/]+\)/g, "");
  return `${entry.method} ${path || "/"}`;
}

export const actionKey = (entry: Pick<ActionEntry, "module" | "name">) => `${entry.module}#${entry.name}`;

export const allows = (entry: { allow: readonly Principal[] }, principal: Principal) => entry.allow.includes(principal);
