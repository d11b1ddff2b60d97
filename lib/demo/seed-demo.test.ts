import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { memoryDb } from "@/db/test/temp-db";
import { planDemo, type DemoBatch } from "@/db/seed/demo-data";
import { seedDemo } from "./seed-demo";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const collect = (seed: number, days = 90, services = 8): DemoBatch[] => [...planDemo({ days, services, seed, now: NOW }).batches()];

/** Every table's rows, in id order, with the volatile creation stamps of services and users removed. */
async function snapshot(seed: number) {
  const { sqlite, db } = memoryDb();
  await seedDemo(db, CLI_ACTOR, { days: 30, services: 8, seed, now: NOW });
  const tables = ["services", "deployments", "commits", "deployment_commits", "incidents", "incident_updates", "change_requests", "change_approvals", "freeze_windows", "user"];
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`select * from "${t}" order by rowid`).all()]));
}

describe("demo data", () => {
  it("is deterministic for a given seed and clock", async () => {
    expect(await snapshot(42)).toEqual(await snapshot(42));
    expect(JSON.stringify(collect(3))).toBe(JSON.stringify(collect(3)));
  });

  it("differs between seeds", () => {
    expect(JSON.stringify(collect(1))).not.toBe(JSON.stringify(collect(2)));
  });

  const all = collect(1);
  const deployments = all.flatMap((b) => b.deployments);
  const incidents = all.flatMap((b) => b.incidents);
  const changes = all.flatMap((b) => b.changes);
  const production = deployments.filter((d) => d.environment === "production" && d.status === "success");

  it("never dates anything after now", () => {
    for (const d of deployments) expect(d.finishedAt ?? d.startedAt).toBeLessThanOrEqual(NOW);
    for (const i of incidents) expect(i.startedAt).toBeLessThanOrEqual(NOW);
    for (const c of deployments.flatMap((d) => d.commits)) expect(c.timestamp).toBeLessThan(NOW);
  });

  it("gives services very different delivery rhythms, with one struggling", () => {
    const per = (slug: string) => production.filter((d) => d.service === slug);
    expect(per("checkout-api").length / 90).toBeGreaterThan(2);
    expect(per("ledger").length).toBeLessThan(40);
    const failureShare = (slug: string) => {
      const ds = per(slug);
      const failed = new Set([
        ...ds.filter((d) => d.changeFailed).map((d) => d.key),
        ...deployments.filter((d) => d.rollbackOfKey).map((d) => d.rollbackOfKey),
        ...incidents.filter((i) => i.causedByKey).map((i) => i.causedByKey),
      ]);
      return ds.filter((d) => failed.has(d.key)).length / ds.length;
    };
    expect(failureShare("search")).toBeGreaterThan(3 * failureShare("checkout-api"));
  });

  it("links failed changes to rollbacks and incidents, and every commit precedes its deployment", () => {
    expect(deployments.some((d) => d.rollbackOfKey !== null)).toBe(true);
    expect(incidents.some((i) => i.causedByKey !== null)).toBe(true);
    expect(deployments.some((d) => d.changeFailed)).toBe(true);
    expect(deployments.some((d) => d.unplanned)).toBe(true);
    for (const d of deployments) for (const c of d.commits) expect(c.timestamp).toBeLessThan(d.finishedAt ?? NOW);
  });

  it("has incidents in every state and severity, and changes in every state", () => {
    expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(["investigating", "identified", "monitoring", "resolved"]));
    expect(new Set(incidents.map((i) => i.severity))).toEqual(new Set(["SEV1", "SEV2", "SEV3", "SEV4"]));
    expect(new Set(changes.map((c) => c.status))).toEqual(
      new Set(["draft", "pending_approval", "approved", "rejected", "implemented", "failed", "cancelled"]),
    );
    expect(changes.some((c) => c.type === "emergency" && c.awaitingRetroactiveApproval)).toBe(true);
    expect(changes.filter((c) => c.type === "standard" && c.risk !== "low")).toEqual([]);
    for (const i of incidents) {
      if (i.acknowledgedAt) expect(i.acknowledgedAt).toBeGreaterThanOrEqual(i.startedAt);
      if (i.resolvedAt) expect(i.resolvedAt).toBeGreaterThanOrEqual(i.acknowledgedAt ?? i.startedAt);
      expect(i.status === "resolved").toBe(i.resolvedAt !== null);
    }
  });

  it("has a standard change catalog, so a standard change can be filed on a fresh demo", async () => {
    const { sqlite, db } = memoryDb();
    await seedDemo(db, CLI_ACTOR, { days: 7, services: 3, seed: 1, now: NOW });
    const templates = sqlite.prepare(`select "title", "team", "max_risk" as "maxRisk" from "change_templates" order by "id"`).all() as { title: string; team: string | null; maxRisk: string }[];
    expect(templates.map((t) => t.title)).toEqual(["Dependency bump", "Feature flag change", "Certificate rotation"]);
    expect(templates.filter((t) => t.team === null).length).toBeGreaterThan(0);
  });

  it("still has every showcase state with a single service", () => {
    const one = collect(9, 7, 1);
    expect(new Set(one.flatMap((b) => b.changes).map((c) => c.status)).size).toBe(7);
  });
});
