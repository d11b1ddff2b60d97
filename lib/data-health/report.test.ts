import { afterEach, describe, expect, it } from "vitest";
import { insertIntegration, logDelivery } from "@/db/queries/integrations";
import { freshDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { recordIncident, setCausingDeployment } from "@/lib/incidents/record";
import { recordDeployments } from "@/lib/ingest/deployments";
import { deploymentInputSchema } from "@/lib/ingest/schema";
import { upsertService } from "@/lib/services/services";
import { DAY_MS } from "@/lib/time";
import { TEST_NOW } from "@/lib/testing/clock";
import { cachedDataHealthCounts, loadDataHealth, weakeningTotal } from "./report";
import { DATA_HEALTH_EXAMPLES, DATA_HEALTH_WINDOW_DAYS, FAILED_DELIVERY_HOURS, LEAD_TIME_SANITY_DAYS } from "./rules";

const now = TEST_NOW.getTime();
const ago = (days: number) => new Date(now - days * DAY_MS);
const sha = (n: number) => n.toString(16).padStart(40, "a");

const closes: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closes.splice(0)) await close();
});

async function world() {
  const { db, close } = await freshDatabase();
  closes.push(close);
  let n = 0;
  const deploy = async (o: { service?: string; daysAgo: number; commits?: { daysBefore: number }[]; environment?: string; status?: "success" | "failure"; rollbackOf?: number }) => {
    const finished = ago(o.daysAgo);
    const id = ++n;
    const input = deploymentInputSchema.parse({
      service: o.service ?? "api",
      environment: o.environment ?? "production",
      status: o.status ?? "success",
      finishedAt: finished.toISOString(),
      externalId: `d${id}`,
      rollbackOf: o.rollbackOf,
      commits: o.commits?.map((c, i) => ({ sha: sha(id * 100 + i), timestamp: new Date(finished.getTime() - c.daysBefore * DAY_MS).toISOString() })),
    });
    return (await recordDeployments(db, CLI_ACTOR, "test", [input], false))[0]!.deployment.id;
  };
  const incident = async (o: { daysAgo: number; resolved?: boolean; service?: string }) =>
    (
      await recordIncident(db, CLI_ACTOR, "test", {
        title: `outage ${++n}`,
        service: o.service ?? "api",
        severity: "SEV2",
        startedAt: ago(o.daysAgo),
        ...(o.resolved === false ? {} : { status: "resolved" as const, resolvedAt: ago(o.daysAgo - 0.1) }),
      })
    ).incident;
  return { db, deploy, incident };
}

describe("data health (issue 16, Data health page)", () => {
  it("counts a resolved incident in the window whose cause nobody decided, not one blamed on a deployment, cleared by a person, still open or older", async () => {
    const w = await world();
    const blamed = await w.deploy({ daysAgo: 10, commits: [{ daysBefore: 1 }] });
    const undecided = await w.incident({ daysAgo: 5 });
    const withCause = await w.incident({ daysAgo: 4 });
    await setCausingDeployment(w.db, CLI_ACTOR, withCause.id, blamed);
    const cleared = await w.incident({ daysAgo: 3 });
    await setCausingDeployment(w.db, CLI_ACTOR, cleared.id, blamed);
    await setCausingDeployment(w.db, CLI_ACTOR, cleared.id, null);
    // Nobody blamed a deployment, and a person records that none caused it: decided.
    const noneCaused = await w.incident({ daysAgo: 3 });
    await setCausingDeployment(w.db, CLI_ACTOR, noneCaused.id, null);
    await w.incident({ daysAgo: 2, resolved: false });
    await w.incident({ daysAgo: DATA_HEALTH_WINDOW_DAYS + 1 });
    const report = await loadDataHealth(w.db);
    expect(report.counts.incidents).toBe(1);
    expect(report.incidents.map((i) => i.id)).toEqual([undecided.id]);
    expect(report.incidents[0]).toMatchObject({ service: "api", startedAt: ago(5).getTime() });
  });

  it("counts successful production deployments in the window that list no commits, but not rollbacks, failures, other environments or older ones", async () => {
    const w = await world();
    const withCommits = await w.deploy({ daysAgo: 6, commits: [{ daysBefore: 1 }] });
    const bare = await w.deploy({ daysAgo: 5 });
    const newer = await w.deploy({ daysAgo: 1 });
    await w.deploy({ daysAgo: 2, rollbackOf: withCommits });
    await w.deploy({ daysAgo: 3, status: "failure" });
    await w.deploy({ daysAgo: 3, environment: "staging" });
    await w.deploy({ daysAgo: DATA_HEALTH_WINDOW_DAYS + 1 });
    const report = await loadDataHealth(w.db);
    expect(report.counts.deployments).toBe(2);
    expect(report.deployments.map((d) => d.id)).toEqual([newer, bare]);
  });

  it("lists only a first page of deployments with no commits while counting all of them", async () => {
    const w = await world();
    for (let i = 0; i < DATA_HEALTH_EXAMPLES + 2; i++) await w.deploy({ daysAgo: i + 1 });
    const report = await loadDataHealth(w.db);
    expect(report.counts.deployments).toBe(DATA_HEALTH_EXAMPLES + 2);
    expect(report.deployments).toHaveLength(DATA_HEALTH_EXAMPLES);
  });

  it("counts services with no team", async () => {
    const w = await world();
    await upsertService(w.db, CLI_ACTOR, "api", { name: "API", team: "payments" });
    await upsertService(w.db, CLI_ACTOR, "billing", { name: "Billing" });
    await upsertService(w.db, CLI_ACTOR, "auth", { name: "Auth", team: "" });
    const report = await loadDataHealth(w.db);
    expect(report.counts.services).toBe(2);
    expect(report.services).toEqual([
      { slug: "auth", name: "Auth" },
      { slug: "billing", name: "Billing" },
    ]);
  });

  it(`counts lead times beyond ${LEAD_TIME_SANITY_DAYS} days, longest first, and not one just inside the bound`, async () => {
    const w = await world();
    const deployment = await w.deploy({ daysAgo: 2, commits: [{ daysBefore: LEAD_TIME_SANITY_DAYS - 1 }, { daysBefore: LEAD_TIME_SANITY_DAYS + 1 }, { daysBefore: 400 }] });
    const report = await loadDataHealth(w.db);
    expect(report.counts.leadTimes).toBe(2);
    expect(report.leadTimes.map((l) => [l.deploymentId, l.seconds / 86_400])).toEqual([
      [deployment, 400],
      [deployment, LEAD_TIME_SANITY_DAYS + 1],
    ]);
    expect(report.leadTimes[0]!.sha).toBe(sha(deployment * 100 + 2));
  });

  it(`counts refused and failed webhook deliveries of the last ${FAILED_DELIVERY_HOURS} hours per integration`, async () => {
    const w = await world();
    const add = (name: string) => insertIntegration(w.db.read, { source: "github", name, secretSealed: "x", config: {}, createdAt: new Date(now) });
    const github = await w.db.transaction(() => add("GitHub main"));
    const quiet = await w.db.transaction(() => add("GitHub quiet"));
    const log = (integrationId: number, outcome: "applied" | "refused" | "failed", hoursAgo: number) =>
      w.db.transaction((tx) => logDelivery(tx, { integrationId, deliveryId: null, event: "deployment", outcome, status: 400, message: "x", receivedAt: new Date(now - hoursAgo * 3_600_000) }));
    await log(github.id, "refused", 1);
    await log(github.id, "failed", 2);
    await log(github.id, "applied", 1);
    await log(github.id, "refused", FAILED_DELIVERY_HOURS + 1);
    await log(quiet.id, "applied", 1);
    const report = await loadDataHealth(w.db);
    expect(report.counts.webhooks).toBe(2);
    expect(report.webhooks).toEqual([{ integrationId: github.id, name: "GitHub main", source: "github", failed: 2, lastAt: now - 3_600_000 }]);
  });

  it("adds the categories up for the overview and counts a write at once, though cached", async () => {
    const w = await world();
    const empty = await cachedDataHealthCounts(w.db);
    expect(weakeningTotal(empty)).toBe(0);
    await w.deploy({ daysAgo: 1 });
    await w.incident({ daysAgo: 1 });
    const counts = await cachedDataHealthCounts(w.db);
    expect(counts).toEqual({ incidents: 1, deployments: 1, services: 1, leadTimes: 0, webhooks: 0 });
    expect(weakeningTotal(counts)).toBe(3);
  });

  it("narrows every category but webhooks to a team's services or one service, and caches each scope apart", async () => {
    const w = await world();
    await w.deploy({ service: "api", daysAgo: 1 });
    await w.deploy({ service: "web", daysAgo: 1, commits: [{ daysBefore: LEAD_TIME_SANITY_DAYS + 5 }] });
    await w.deploy({ service: "billing", daysAgo: 1 });
    await w.incident({ daysAgo: 2, service: "api" });
    await w.incident({ daysAgo: 2, service: "web" });
    await upsertService(w.db, CLI_ACTOR, "api", { name: "API", team: "payments" });
    await upsertService(w.db, CLI_ACTOR, "web", { name: "Web", team: "growth" });
    const hook = await w.db.transaction((tx) => insertIntegration(tx, { source: "github", name: "GitHub", secretSealed: "x", config: {}, createdAt: new Date(now) }));
    await w.db.transaction((tx) => logDelivery(tx, { integrationId: hook.id, deliveryId: null, event: "deployment", outcome: "refused", status: 400, message: "x", receivedAt: new Date(now - 3_600_000) }));

    expect((await loadDataHealth(w.db)).counts).toEqual({ incidents: 2, deployments: 2, services: 1, leadTimes: 1, webhooks: 1 });
    const payments = await loadDataHealth(w.db, { team: "payments" });
    expect(payments.counts).toEqual({ incidents: 1, deployments: 1, services: 0, leadTimes: 0, webhooks: 1 });
    expect(payments.deployments.map((d) => d.service)).toEqual(["API"]);
    expect(payments.incidents.map((i) => i.service)).toEqual(["API"]);
    const web = await loadDataHealth(w.db, { service: "web" });
    expect(web.counts).toEqual({ incidents: 1, deployments: 0, services: 0, leadTimes: 1, webhooks: 1 });
    expect(web.leadTimes.map((l) => l.service)).toEqual(["web"]);
    expect((await loadDataHealth(w.db, { service: "billing" })).services).toEqual([{ slug: "billing", name: "billing" }]);
    // A service outside the team: nothing of it, nothing of the team's other services.
    expect(weakeningTotal((await loadDataHealth(w.db, { team: "payments", service: "web" })).counts)).toBe(1);

    expect(await cachedDataHealthCounts(w.db, { team: "growth" })).toEqual({ incidents: 1, deployments: 0, services: 0, leadTimes: 1, webhooks: 1 });
    expect(await cachedDataHealthCounts(w.db)).toEqual({ incidents: 2, deployments: 2, services: 1, leadTimes: 1, webhooks: 1 });
  });
});
