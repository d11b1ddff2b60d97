import { sql } from "drizzle-orm";
import { execute } from "@/db/raw";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { insertFreeze } from "@/db/queries/changes";
import { findServiceBySlug } from "@/db/queries/services";
import { tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { submitChange } from "@/lib/changes/submit";
import { changeCreateSchema } from "@/lib/changes/schema";
import { recordIncident } from "@/lib/incidents/record";
import { recordDeployments } from "@/lib/ingest/deployments";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { upsertService } from "@/lib/services/services";
import { TEST_NOW } from "@/lib/testing/clock";
import { GET as getWall } from "@/app/api/wall/[token]/route";
import { GET as getStream } from "@/app/api/wall/[token]/events/route";
import { user } from "@/db/schema";
import { createActionItem } from "@/lib/action-items/items";
import { utcDay } from "@/lib/action-items/overdue";
import { createWallLink } from "./links";
import { newWallLinkSchema } from "./schema";

vi.mock("next/headers", async () => (await import("@/app/_actions/test-request")).nextHeadersMock);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

/*
 * Issue 15, item 8: a wall link's JSON and its live stream carry exactly what its views show. Every
 * service here has its own incident, change, freeze and deployments, each named after it; for every
 * scope and panel choice, nothing of a service outside the scope may appear, and a view of the open
 * incidents carries those alone.
 */
const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());

const SERVICES = { "pay-api": "payments", "pay-web": "payments", "search-api": "discovery" } as const;
type Slug = keyof typeof SERVICES;
/** Deployments today per service: the metrics tell which services were counted. */
const DEPLOYS: Record<Slug, number> = { "pay-api": 1, "pay-web": 2, "search-api": 4 };

const now = TEST_NOW.getTime();
const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();

beforeAll(async () => {
  const db = getDatabase();
  await db.transaction((tx) => tx.insert(user).values({ id: "u-owner", name: "Owner", email: "owner@example.com", role: "engineer", createdAt: new Date(now), updatedAt: new Date(now) }));
  const yesterday = utcDay(new Date(now - 86_400_000));
  for (const [slug, team] of Object.entries(SERVICES) as [Slug, string][]) {
    await upsertService(db, CLI_ACTOR, slug, { team });
    const items = Array.from({ length: DEPLOYS[slug] }, (_, i) => deploymentInputSchema.parse({ service: slug, status: "success", finishedAt: iso(-60_000 * (i + 1)), externalId: `${slug}-${i}` }));
    await recordDeployments(db, CLI_ACTOR, "test", items, true);
    const { incident } = await recordIncident(db, CLI_ACTOR, "test", { title: `INC-${slug}`, service: slug, severity: "SEV2", startedAt: new Date(now - 3_600_000) });
    // As many overdue action items as deployments, and one due today and one done, which are not overdue.
    for (let i = 0; i < DEPLOYS[slug]; i++) await createActionItem(db, CLI_ACTOR, incident.id, { title: `AI-${slug}`, owner: "owner@example.com", dueDate: yesterday });
    await createActionItem(db, CLI_ACTOR, incident.id, { title: `AI-${slug}`, owner: "owner@example.com", dueDate: utcDay(new Date(now)) });
    await createActionItem(db, CLI_ACTOR, incident.id, { title: `AI-${slug}`, owner: "owner@example.com", dueDate: yesterday, status: "done" });
    await submitChange(db, CLI_ACTOR, "test", changeCreateSchema.parse({ title: `CHG-${slug}`, service: slug, type: "normal", risk: "low", plannedStart: iso(86_400_000), plannedEnd: iso(90_000_000) }));
    const service = (await findServiceBySlug(db.read, slug))!;
    // Each team's freeze starts before the other's somewhere in the list, so the first overall is not everyone's.
    await db.transaction((tx) => insertFreeze(tx, { name: `FRZ-${slug}`, serviceId: service.id, startsAt: new Date(now + 3_600_000 * (slug === "search-api" ? 1 : 2)), endsAt: new Date(now + 86_400_000 * 3), reason: null, createdBy: null, createdAt: new Date(now) }));
  }
});

const SCOPES: Array<{ team?: string; services?: Slug[] }> = [
  {},
  { team: "payments" },
  { team: "discovery" },
  { services: ["pay-api"] },
  { services: ["search-api"] },
  { services: ["pay-web", "search-api"] },
  { team: "payments", services: ["pay-api"] },
  { team: "payments", services: ["search-api"] },
];
const covers = (scope: (typeof SCOPES)[number], slug: Slug) => (!scope.team || SERVICES[slug] === scope.team) && (!scope.services || scope.services.includes(slug));

async function makeLink(views: Array<Record<string, unknown>>) {
  const { path } = await createWallLink(getDatabase(), CLI_ACTOR, newWallLinkSchema.parse({ name: "TV", views }));
  return path.split("/").at(-1)!;
}
const route = (token: string) => ({ params: Promise.resolve({ token }) });

describe("a wall link's JSON carries exactly what its views show", () => {
  for (const scope of SCOPES) {
    for (const panels of ["all", "incidents"] as const) {
      it(`scope ${JSON.stringify(scope)}, panels ${panels}`, async () => {
        const token = await makeLink([{ name: "View", team: scope.team, services: scope.services?.join(","), panels }]);
        const response = await getWall(new Request(`http://tandem.test/api/wall/${token}`), route(token));
        expect(response.status).toBe(200);
        const [view] = (await response.json()).views as Array<Record<string, unknown>>;
        const text = JSON.stringify(view);
        const inside = (Object.keys(SERVICES) as Slug[]).filter((slug) => covers(scope, slug));
        for (const slug of Object.keys(SERVICES) as Slug[]) {
          if (inside.includes(slug)) {
            expect(text, slug).toContain(`INC-${slug}`);
            if (panels === "all") expect(text, slug).toContain(`CHG-${slug}`);
          } else {
            // Not its incident, change, freeze, deployments or events: the slug itself never appears.
            expect(text, slug).not.toContain(slug);
          }
        }
        if (panels === "incidents") {
          expect(Object.keys(view!).sort()).toEqual(["incidents", "name", "panels"]);
          expect(text).not.toMatch(/CHG-|FRZ-/);
          return;
        }
        const metrics = view!.metrics as { deploymentFrequency: { perDay: number } };
        expect(Math.round(metrics.deploymentFrequency.perDay * 30)).toBe(inside.reduce((sum, slug) => sum + DEPLOYS[slug], 0));
        // Issue 16: the heatmap counts the same deployments (all today, in the 12:00-15:00 block) and the sparkline's last week holds them.
        const heatmap = view!.heatmap as { days: { day: string; cells: number[] }[] };
        expect(heatmap.days.at(-1)).toEqual({ day: "2026-11-20", cells: [0, 0, 0, 0, inside.reduce((sum, slug) => sum + DEPLOYS[slug], 0), 0, 0, 0] });
        expect(heatmap.days.slice(0, -1).every((d) => d.cells.every((c) => c === 0))).toBe(true);
        const weeks = view!.weeks as { weekStart: string; days: number }[];
        expect(weeks.at(-1)).toEqual({ weekStart: "2026-11-16T00:00:00.000Z", days: 5 });
        // Issue 17, item 3: the overdue action items of the view's services, and only those.
        expect(view!.overdueActionItems).toBe(inside.reduce((sum, slug) => sum + DEPLOYS[slug], 0));
        const freeze = view!.freeze as { name: string } | null;
        const firstInside = inside.includes("search-api") ? "search-api" : inside[0];
        expect(freeze?.name ?? null).toBe(firstInside ? `FRZ-${firstInside}` : null);
      });
    }
  }

  it("shows a freeze of every service on every wall", async () => {
    const db = getDatabase();
    await db.transaction((tx) => insertFreeze(tx, { name: "Year end", serviceId: null, startsAt: new Date(now + 60_000), endsAt: new Date(now + 120_000), reason: null, createdBy: null, createdAt: new Date(now) }));
    try {
      const token = await makeLink([{ team: "payments" }]);
      const [view] = (await (await getWall(new Request(`http://tandem.test/api/wall/${token}`), route(token))).json()).views;
      expect(view.freeze.name).toBe("Year end");
    } finally {
      await db.transaction((tx) => execute(tx, sql`delete from freeze_windows where name = 'Year end'`));
    }
  });
});

const decoder = new TextDecoder();
/** Reads messages one by one: each call gives the next within `ms`, or null when none came (kept for the next call). */
function messages(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let pending: Promise<string> | undefined;
  return async (ms: number): Promise<string | null> => {
    pending ??= reader.read().then(({ value }) => decoder.decode(value));
    let timer: NodeJS.Timeout | undefined;
    const message = await Promise.race([pending, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)))]);
    clearTimeout(timer);
    if (message !== null) pending = undefined;
    return message;
  };
}

describe("a wall link's stream speaks only when what its views show changes", () => {
  it.each<[string, Record<string, string>, Slug]>([
    ["a team's wall", { team: "payments" }, "search-api"],
    ["an incidents-only wall", { team: "payments", panels: "incidents" }, "pay-api"],
  ])("%s: silent for a deployment it does not show, then told of an incident it does", async (_, view, elsewhere) => {
    const token = await makeLink([view]);
    const abort = new AbortController();
    const response = await getStream(new Request(`http://tandem.test/api/wall/${token}/events`, { signal: abort.signal }), route(token));
    const nextMessage = messages(response.body!.getReader());
    try {
      expect(await nextMessage(2_000)).toMatch(/^retry: 1000\ndata: \S+\n\n$/);
      const db = getDatabase();
      await recordDeployments(db, CLI_ACTOR, "test", [deploymentInputSchema.parse({ service: elsewhere, status: "success", finishedAt: iso(-1_000), externalId: `unseen-${token}` })], false);
      expect(await nextMessage(500)).toBeNull();
      await recordIncident(db, CLI_ACTOR, "test", { title: `New-${token}`, service: "pay-web", severity: "SEV1", startedAt: new Date(now - 60_000) });
      expect(await nextMessage(2_000)).toMatch(/^data: \S+\n\n$/);
    } finally {
      abort.abort();
    }
  });
});
