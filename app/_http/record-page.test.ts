import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { processDatabase } from "@/db/test/engine";
import { sessionCookie, setRequestHeaders } from "@/app/_actions/test-request";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { recordIncident } from "@/lib/incidents/record";
import { createUserAccount } from "@/lib/users/users";
import DeploymentLayout from "@/app/(app)/deployments/[id]/layout";
import IncidentLayout from "@/app/(app)/incidents/[id]/layout";
import ChangeLayout from "@/app/(app)/changes/[id]/layout";
import ServiceLayout from "@/app/(app)/services/[slug]/layout";
import IntegrationLayout from "@/app/(app)/settings/integrations/[id]/layout";
import DrilldownLayout from "@/app/(app)/drilldown/[kind]/layout";
import SharedWallLayout from "@/app/wall/[token]/layout";
import { createWallLink, revokeWallLink } from "@/lib/wall/links";
import { newWallLinkSchema } from "@/lib/wall/schema";

vi.mock("next/headers", async () => (await import("@/app/_actions/test-request")).nextHeadersMock);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

const database = processDatabase();
// next.config.ts enables experimental.authInterrupts; Next passes it to forbidden() through this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let incidentId = 0;
let viewerCookie = "";
beforeAll(async () => {
  const db = database.db();
  incidentId = (await recordIncident(db, CLI_ACTOR, "test", { title: "Target", service: "checkout", severity: "SEV3", startedAt: new Date("2026-01-01T00:00:00Z") })).incident.id;
  await createUserAccount(await getAuth(), db, CLI_ACTOR, { email: "viewer@example.com", name: "Viewer", role: "viewer", password: "viewer-password-1" });
  viewerCookie = await sessionCookie("viewer@example.com", "viewer-password-1");
});

/** What Next answers for a layout: its rendered children, or the status a thrown interrupt stands for. */
type Layout = (props: { children: React.ReactNode; params: Promise<never> }) => Promise<unknown>;
async function outcome(layout: Layout, params: Record<string, string>) {
  try {
    await layout({ children: "page", params: Promise.resolve(params) as Promise<never> });
    return "rendered";
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? error);
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]);
    throw error;
  }
}

const LAYOUTS = [
  ["deployments", DeploymentLayout, { id: "999999" }],
  ["incidents", IncidentLayout, { id: "99999" }],
  ["changes", ChangeLayout, { id: "99999" }],
  ["services", ServiceLayout, { slug: "no-such-service" }],
  ["drilldown", DrilldownLayout, { kind: "no-such-figure" }],
] as const;

describe("a record's page", () => {
  // Issue 15: /deployments/999999, /incidents/99999 and /changes/99999 answered 200 with a not-found page.
  it.each(LAYOUTS)("/%s/<unknown> is a 404, decided above the loading boundary", async (_, layout, params) => {
    setRequestHeaders({ cookie: viewerCookie });
    expect(await outcome(layout, params)).toBe(404);
    expect(await outcome(layout, Object.fromEntries(Object.keys(params).map((k) => [k, "12abc"])))).toBe(404);
  });

  it("renders for a record that exists", async () => {
    setRequestHeaders({ cookie: viewerCookie });
    expect(await outcome(IncidentLayout, { id: String(incidentId) })).toBe("rendered");
    expect(await outcome(ServiceLayout, { slug: "checkout" })).toBe("rendered");
    expect(await outcome(DrilldownLayout, { kind: "lead-time" })).toBe("rendered");
  });

  it("sends an anonymous visitor to sign-in before saying whether a record exists, and checks the role", async () => {
    setRequestHeaders({});
    expect(await outcome(IncidentLayout, { id: String(incidentId) })).toBe("redirect /sign-in");
    expect(await outcome(IncidentLayout, { id: "99999" })).toBe("redirect /sign-in");
    setRequestHeaders({ cookie: viewerCookie });
    expect(await outcome(IntegrationLayout, { id: "99999" })).toBe(403);
  });
});

describe("a shared wall's page", () => {
  // Issue 15: /wall/<bad token> answered 200 with a not-found page.
  it("is a 404 for a link that never existed, with or without a session", async () => {
    setRequestHeaders({});
    expect(await outcome(SharedWallLayout, { token: "wl_no-such-link" })).toBe(404);
    setRequestHeaders({ cookie: viewerCookie });
    expect(await outcome(SharedWallLayout, { token: "nonsense" })).toBe(404);
  });

  it("renders for a live link, and leaves a revoked one to the page to explain", async () => {
    setRequestHeaders({});
    const { link, path: wallPath } = await createWallLink(database.db(), CLI_ACTOR, newWallLinkSchema.parse({ name: "TV", views: [{}] }));
    const token = wallPath.split("/").pop()!;
    expect(await outcome(SharedWallLayout, { token })).toBe("rendered");
    await revokeWallLink(database.db(), CLI_ACTOR, link.id);
    expect(await outcome(SharedWallLayout, { token })).toBe("rendered");
  });
});

/*
 * The class, not the three pages: a loading.tsx is a Suspense boundary, and a notFound() inside one is
 * sent as 200. Every page under app/(app) that calls notFound() must have its dynamic segment checked
 * by a layout of that segment, with no loading.tsx above the segment.
 */
describe("pages that can be not found", () => {
  const root = path.resolve("app");
  const pages = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => path.basename(f) === "page.tsx").map((f) => path.join(root, f));
  const notFoundPages = pages.filter((file) => /\bnotFound\(\)/.test(fs.readFileSync(file, "utf8")));

  it("include the record pages", () => {
    expect(notFoundPages.map((f) => path.relative(root, path.dirname(f))).sort()).toEqual(expect.arrayContaining(["(app)/changes/[id]", "(app)/deployments/[id]", "(app)/drilldown/[kind]", "(app)/incidents/[id]", "(app)/services/[slug]", "(app)/settings/integrations/[id]", "wall/[token]"]));
  });

  it.each(notFoundPages.map((f) => [path.relative(root, f), f]))("%s is checked by its segment's layout, above any loading boundary", (_, file) => {
    let segment = path.dirname(file);
    while (!path.basename(segment).startsWith("[") && segment !== root) segment = path.dirname(segment);
    expect(segment, "a page that can be not found sits under a dynamic segment").not.toBe(root);
    const layout = path.join(segment, "layout.tsx");
    expect(fs.existsSync(layout) && /\brequire(RecordPage|KnownWall)\(/.test(fs.readFileSync(layout, "utf8")), `${path.relative(root, layout)} checks the record`).toBe(true);
    for (let dir = path.dirname(segment); dir.startsWith(root); dir = path.dirname(dir)) {
      expect(fs.existsSync(path.join(dir, "loading.tsx")), `${path.relative(root, dir) || "."}/loading.tsx would wrap ${path.relative(root, segment)} in a boundary`).toBe(false);
    }
  });
});
