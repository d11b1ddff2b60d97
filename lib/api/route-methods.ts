import { ROUTES, routeKey } from "@/lib/auth/access-registry";
import { AppError } from "@/lib/errors";
import { errorReply, type Reply } from "./reply";

/*
 * Which methods each route answers, read from the access registry (which a test keeps equal to the route
 * files on disk), so that a method a route does not answer gets the API's envelope naming the ones it does,
 * instead of Next's empty 405. The production server asks before Next sees the request (app/_server/main.ts);
 * under `next dev`, Next's own 405 stands.
 */

type Served = { pattern: RegExp; root: string; dynamic: number; methods: string[] };

/** "/api/v1/incidents/[id]" → a pattern for its URLs: [x] is one segment, [...x] the rest. */
function patternOf(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith("[...") ? ".+" : segment.startsWith("[") ? "[^/]+" : segment.replace(/[.*+?^${}()|\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

/** "/api/v1/metrics" → "api". */
const rootOf = (path: string) => path.split("/", 2)[1] ?? "";

const SERVED: Served[] = (() => {
  const byPath = new Map<string, string[]>();
  for (const route of ROUTES) {
    const [method, path] = routeKey(route).split(" ") as [string, string];
    // The catch-all answers every method with the 404 of a path no route serves.
    if (path.includes("[...")) continue;
    byPath.set(path, [...(byPath.get(path) ?? []), method]);
  }
  // Static segments win over dynamic ones, as in Next's router.
  return [...byPath]
    .map(([path, methods]) => ({ pattern: patternOf(path), root: rootOf(path), dynamic: (path.match(/\[/g) ?? []).length, methods }))
    .sort((a, b) => a.dynamic - b.dynamic);
})();

const REFUSABLE = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** The first segments routes live under (api, metrics, drilldown): every page and static file is passed by at once. */
const ROUTE_ROOTS = new Set(SERVED.map((s) => s.root));

/**
 * The 405 for a request whose route exists but does not answer its method, with `Allow`; undefined for
 * anything else (a method the route answers, a path no route serves, HEAD and OPTIONS, which Next answers).
 */
export function methodNotAllowed(method: string, pathname: string): Reply | undefined {
  if (!REFUSABLE.has(method) || !ROUTE_ROOTS.has(rootOf(pathname))) return undefined;
  const served = SERVED.find((s) => s.pattern.test(pathname));
  if (!served || served.methods.includes(method)) return undefined;
  const allowed = served.methods.join(", ");
  const reply = errorReply(new AppError("method_not_allowed", `${pathname} does not answer ${method}; it answers ${allowed}.`));
  return { ...reply, headers: { ...reply.headers, Allow: allowed } };
}
