import { afterEach, describe, expect, it } from "vitest";
import { freshDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { loadDrilldown } from "@/lib/dora/drilldown";
import { metricsQuerySchema } from "@/lib/dora/query";
import { recordDeployments } from "./deployments";
import { recordPush } from "./pushes";
import { deploymentInputSchema } from "./schema";

/** Test commits are named with hex digits only (c1, d2, …) so a name is its sha prefix. */
const sha = (name: string) => name.padEnd(40, "0");
const t = (hour: number) => new Date(Date.UTC(2026, 2, 10, hour));

const closes: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closes.splice(0)) await close();
});

/** Push/deploy sequences, then: which commits each deployment is credited with, via the lead-time drill-down. */
async function world() {
  const { db, close } = await freshDatabase();
  closes.push(close);
  const push = (commits: string[], o: { before?: string | null; forced?: boolean; hour: number }) =>
    recordPush(db, CLI_ACTOR, "test", {
      service: "api",
      ref: "refs/heads/main",
      before: o.before === undefined ? null : o.before && sha(o.before),
      after: sha(commits.at(-1) ?? "0"),
      forced: o.forced ?? false,
      commits: commits.map((c, i) => ({ sha: sha(c), timestamp: t(o.hour - commits.length + i) })),
      at: t(o.hour),
    });
  const deploy = async (head: string, hour: number, status: "success" | "failure" = "success", environment = "production") =>
    (
      await recordDeployments(
        db,
        CLI_ACTOR,
        "test",
        [deploymentInputSchema.parse({ service: "api", environment, status, sha: sha(head), finishedAt: t(hour).toISOString(), externalId: `${head}@${hour}${environment}` })],
        false,
      )
    )[0]!.deployment.id;
  const credited = async () => {
    const rows = (await loadDrilldown(db.read, "lead-time", metricsQuerySchema.parse({ from: "2026-03-09T00:00:00Z", to: "2026-03-12T00:00:00Z" }))).rows;
    return Object.fromEntries(rows.map((r) => [String(r.sha).slice(0, 2), r.deploymentId]));
  };
  return { push, deploy, credited };
}

describe("lead time from pushes and deployments of a sha", () => {
  it("credits every commit of several pushes to the first deployment that reaches them", async () => {
    const w = await world();
    await w.push(["c1", "c2"], { before: null, hour: 3 });
    await w.push(["c3"], { before: "c2", hour: 5 });
    await w.push(["c4", "c5"], { before: "c3", hour: 8 });
    const first = await w.deploy("c3", 6);
    const second = await w.deploy("c5", 9);
    expect(await w.credited()).toEqual({ c1: first, c2: first, c3: first, c4: second, c5: second });
  });

  it("does not credit a commit to a failed deployment, nor to another environment's", async () => {
    const w = await world();
    await w.push(["c1", "c2"], { before: null, hour: 3 });
    await w.deploy("c2", 4, "failure");
    await w.deploy("c2", 4, "success", "staging");
    const fixed = await w.deploy("c2", 5);
    expect(await w.credited()).toEqual({ c1: fixed, c2: fixed });
  });

  it("never counts commits a force-push made unreachable", async () => {
    const w = await world();
    await w.push(["c1"], { before: null, hour: 2 });
    const base = await w.deploy("c1", 3);
    await w.push(["d1", "d2"], { before: "c1", hour: 5 }); // later abandoned
    await w.push(["e1"], { before: "d2", forced: true, hour: 7 }); // history rewritten: e1's parent unknown
    const after = await w.deploy("e1", 8);
    expect(await w.credited()).toEqual({ c1: base, e1: after });
  });

  it("counts a squash merge once, not the branch commits it squashed", async () => {
    const w = await world();
    await w.push(["c1"], { before: null, hour: 2 });
    await w.deploy("c1", 3);
    await w.push(["f1", "f2", "f3"], { before: "c1", hour: 5 }); // feature branch pushes, never deployed
    await w.push(["b1"], { before: "c1", hour: 7 }); // the squash commit on main
    const release = await w.deploy("b1", 8);
    expect(await w.credited()).toMatchObject({ b1: release });
    expect(await w.credited()).not.toHaveProperty("f1");
    expect(await w.credited()).not.toHaveProperty("f3");
  });

  it("fills in a deployment whose push arrived after it", async () => {
    const w = await world();
    await w.push(["c1"], { before: null, hour: 2 });
    const first = await w.deploy("c1", 3);
    const early = await w.deploy("c3", 6); // the webhook for the push is late
    expect(await w.credited()).toEqual({ c1: first });
    await w.push(["c2", "c3"], { before: "c1", hour: 5 });
    expect(await w.credited()).toEqual({ c1: first, c2: early, c3: early });
  });
});
