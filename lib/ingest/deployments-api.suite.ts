import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChange, insertFreeze } from "@/db/queries/changes";
import { listDeploymentShas } from "@/db/queries/ingest";
import { firstRow } from "@/db/raw";
import { user } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR, type UserActor } from "@/lib/auth/actor";
import { decideChange } from "@/lib/changes/decide";
import { changeCreateSchema } from "@/lib/changes/schema";
import { submitChange } from "@/lib/changes/submit";
import { computeMetrics } from "@/lib/dora/metrics";
import { metricsQuerySchema } from "@/lib/dora/query";
import { upsertService } from "@/lib/services/services";
import { recordPush } from "./pushes";

/** A way in to `POST /api/v1/deployments`: Next's route handler, or the production server's fast path. */
export type IngestionDoor = {
  name: string;
  start?: () => Promise<void>;
  stop?: () => Promise<void>;
  post: (body: string, authorization: string) => Promise<Response>;
};

/**
 * What `POST /api/v1/deployments` promises, run against one door. Each door runs it in its own test file
 * (so its own worker and database, of the engine under test): both must keep every promise. Returns
 * that database, which is the worker's DATABASE_URL while the tests run.
 */
export function deploymentsApiSuite(door: IngestionDoor) {
  const database = processDatabase();
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const db = database.db();
    for (const role of ["ingest", "read", "admin"] as const) tokens[role] = (await createApiToken(db, CLI_ACTOR, { name: role, role })).token;
    tokens.ingest2 = (await createApiToken(db, CLI_ACTOR, { name: "second", role: "ingest" })).token;
    await door.start?.();
  });
  afterAll(async () => {
    await door.stop?.();
  });

  const post = (body: unknown, token = tokens.ingest!) => door.post(typeof body === "string" ? body : JSON.stringify(body), `Bearer ${token}`);
  const rows = async () =>
    (await firstRow<{ deployments: number; commits: number; services: number; links: number }>(
      database.db().read,
      sql`select (select count(*) from "deployments") as "deployments", (select count(*) from "commits") as "commits",
        (select count(*) from "services") as "services", (select count(*) from "deployment_commits") as "links"`,
    ))!;
  const ok = { service: "checkout", status: "success", startedAt: "2026-03-10T10:00:00+02:00", finishedAt: "2026-03-10T08:05:00Z" };

  describe(`POST /api/v1/deployments (${door.name})`, () => {
    it("records one deployment with 201, creating its service, times in UTC", async () => {
      const response = await post({ ...ok, version: "1.2.3", externalId: "run-1", commits: [{ sha: "ABCDEF1234", timestamp: "2026-03-10T07:00:00Z", message: "Fix" }] });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body).toMatchObject({ service: "checkout", environment: "production", status: "success", startedAt: "2026-03-10T08:00:00.000Z", finishedAt: "2026-03-10T08:05:00.000Z", commits: ["abcdef1234"], externalId: "run-1" });
      expect(typeof body.id).toBe("number");
    });

    it("replays an externalId with 200 and the same id, updating status and finish time", async () => {
      const first = await (await post({ service: "web", status: "in_progress", externalId: "r-9", startedAt: "2026-03-10T10:00:00Z" })).json();
      const before = await rows();
      const replay = await post({ service: "web", status: "success", externalId: "r-9", finishedAt: "2026-03-10T10:07:00Z" });
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ id: first.id, status: "success", finishedAt: "2026-03-10T10:07:00.000Z", startedAt: "2026-03-10T10:00:00.000Z" });
      const late = await post({ service: "web", status: "in_progress", externalId: "r-9" });
      expect(await late.json()).toMatchObject({ id: first.id, status: "success" });
      expect(await rows()).toEqual(before);
    });

    it("keeps the stored environment when a replay omits it, alone or in a batch, and sends a new deployment without one to production", async () => {
      const started = await (await post({ service: "envs", environment: "staging", status: "in_progress", externalId: "env-1", startedAt: "2026-03-12T10:00:00Z" })).json();
      expect(started.environment).toBe("staging");
      const replay = await post({ service: "envs", status: "success", externalId: "env-1", finishedAt: "2026-03-12T10:05:00Z" });
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ id: started.id, environment: "staging", status: "success" });
      const batch = await post({
        deployments: [
          { service: "envs", status: "success", externalId: "env-1", finishedAt: "2026-03-12T10:05:00Z", version: "2" },
          { service: "envs", status: "success", externalId: "env-2", finishedAt: "2026-03-12T11:00:00Z" },
        ],
      });
      const [again, fresh] = (await batch.json()).deployments;
      expect(again).toMatchObject({ id: started.id, environment: "staging", version: "2" });
      expect(fresh).toMatchObject({ environment: "production" });
      const deployed = async (environment: string) =>
        (await computeMetrics(database.db(), metricsQuerySchema.parse({ from: "2026-03-12T00:00:00Z", to: "2026-03-13T00:00:00Z", service: "envs", environment }))).deploymentFrequency.deployments;
      expect([await deployed("production"), await deployed("staging")]).toEqual([1, 1]);
      // A replay that names an environment still moves it there.
      expect(await (await post({ service: "envs", environment: "Production", status: "success", externalId: "env-1", finishedAt: "2026-03-12T10:05:00Z" })).json()).toMatchObject({ id: started.id, environment: "production" });
    });

    it("keeps externalIds per token: another token's run-1 is a new deployment", async () => {
      const response = await post({ ...ok, externalId: "run-1" }, tokens.ingest2);
      expect(response.status).toBe(201);
    });

    it("resolves rollbackOf by id or externalId, and names an unknown reference", async () => {
      const target = await (await post({ ...ok, externalId: "bad-release" })).json();
      expect((await (await post({ ...ok, rollbackOf: "bad-release" })).json()).rollbackOf).toBe(target.id);
      expect((await (await post({ ...ok, rollbackOf: target.id })).json()).rollbackOf).toBe(target.id);
      const before = await rows();
      for (const [body, field, message] of [
        [{ ...ok, rollbackOf: "nope" }, "rollbackOf", "no deployment has externalId nope"],
        [{ ...ok, rollbackOf: 99999 }, "rollbackOf", "no deployment has id 99999"],
        [{ ...ok, changeRequest: 42 }, "changeRequest", "no change request has id 42"],
      ] as const) {
        const response = await post(body);
        expect(response.status).toBe(400);
        expect((await response.json()).error.fields).toEqual({ [field]: message });
      }
      expect(await rows()).toEqual(before);
    });

    it("refuses a post naming an unknown rollbackOf for a service it would create, keeping no trace of it, and records the post sent beside it", async () => {
      const before = await rows();
      const traces = async () =>
        (await firstRow<{ n: number }>(database.db().read, sql`select (select count(*) from "audit_log" where "after" like '%brand-new%') + (select count(*) from "services" where "slug" = 'brand-new') as "n"`))!.n;
      // Sent at once: through the production server they share one group, each in its own savepoint.
      const [refused, recorded] = await Promise.all([post({ ...ok, service: "brand-new", rollbackOf: "nope" }), post({ ...ok, service: "beside-it" })]);
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.fields).toEqual({ rollbackOf: "no deployment has externalId nope" });
      expect(recorded.status).toBe(201);
      expect(await traces()).toBe(0);
      expect(await rows()).toEqual({ ...before, deployments: before.deployments + 1, services: before.services + 1 });
    });

    it.each([
      [{ ...ok, service: "Not Slug" }, "service"],
      [{ ...ok, status: "done" }, "status"],
      [{ service: "x", status: "success" }, "finishedAt"],
      [{ ...ok, finishedAt: "2026-03-10T07:00:00Z" }, "finishedAt"],
      [{ ...ok, finishedAt: "yesterday" }, "finishedAt"],
      [{ ...ok, commits: [{ sha: "xyz", timestamp: "2026-03-10T07:00:00Z" }] }, "commits.0.sha"],
      [{ ...ok, unplanned: "yes" }, "unplanned"],
      [[ok], "_"],
    ])("refuses %j naming %s, writing nothing", async (body, field) => {
      const before = await rows();
      const response = await post(body);
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.code).toBe("bad_request");
      expect(Object.keys(json.error.fields)).toContain(field);
      expect(await rows()).toEqual(before);
    });

    it.each(["", "  "])("refuses a blank externalId (%j) with 400 naming it, alone, at once or in a batch, writing nothing", async (externalId) => {
      const before = await rows();
      // Sent at once: through the production server they share one group.
      const replies = await Promise.all([1, 2, 3].map(() => post({ ...ok, service: "blank-key", externalId })));
      for (const reply of replies) {
        expect(reply.status).toBe(400);
        expect((await reply.json()).error.fields).toEqual({ externalId: "must not be blank" });
      }
      const batch = await post({ deployments: [{ ...ok, service: "blank-key", externalId: "fine" }, { ...ok, service: "blank-key", externalId }] });
      expect(batch.status).toBe(400);
      expect((await batch.json()).error.fields).toEqual({ "deployments.1.externalId": "must not be blank" });
      expect(await rows()).toEqual(before);
    });

    it("writes a batch all-or-nothing and names the bad item", async () => {
      const before = await rows();
      const items = Array.from({ length: 5 }, (_, i) => ({ ...ok, service: `batch-${i}`, externalId: `b-${i}` }));
      const bad = await post({ deployments: [...items, { ...ok, rollbackOf: "missing" }] });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.fields).toEqual({ "deployments.5.rollbackOf": "no deployment has externalId missing" });
      expect(await rows()).toEqual(before);
      const good = await post({ deployments: [...items, { ...ok, externalId: "b-5", rollbackOf: "b-0" }] });
      expect(good.status).toBe(201);
      const json = await good.json();
      expect(json.deployments).toHaveLength(6);
      expect(json.deployments[5].rollbackOf).toBe(json.deployments[0].id);
      expect((await rows()).deployments).toBe(before.deployments + 6);
      const tooMany = await post({ deployments: Array.from({ length: 1001 }, () => ok) });
      expect((await tooMany.json()).error.fields).toEqual({ deployments: "must hold at most 1000 deployments" });
    });

    it("answers each deployment's commits as stored, oldest first, whatever later items of its batch changed", async () => {
      const sha = (name: string) => name.padEnd(40, "0");
      const at = (hour: number) => `2026-03-11T${String(hour).padStart(2, "0")}:00:00Z`;
      const commit = (name: string, hour: number) => ({ sha: sha(name), timestamp: at(hour) });
      const db = database.db();
      await recordPush(db, CLI_ACTOR, "test", {
        service: "lineage",
        ref: "refs/heads/main",
        before: null,
        after: sha("e3"),
        forced: false,
        commits: ["e1", "e2", "e3"].map((c, i) => ({ sha: sha(c), timestamp: new Date(at(3 + i)) })),
        at: new Date(at(6)),
      });
      const earlier = await (await post({ ...ok, service: "mixed", externalId: "known", commits: [commit("a1", 9)] })).json();
      const response = await post({
        deployments: [
          { ...ok, service: "mixed", externalId: "known", commits: [commit("a2", 8)] },
          { ...ok, service: "mixed", externalId: "fresh", commits: [commit("b1", 10), commit("b2", 9), commit("b3", 10), commit("b2", 9)] },
          { ...ok, service: "other", externalId: "elsewhere", commits: [commit("c1", 7)] },
          { ...ok, service: "mixed", externalId: "fresh", commits: [commit("b4", 8)] },
          { ...ok, service: "mixed", externalId: "later", commits: [commit("b1", 7)] },
          { ...ok, service: "lineage", externalId: "head", sha: sha("e3"), commits: [commit("e2", 1), commit("f1", 5)] },
          { ...ok, service: "lineage", externalId: "none", status: "failure", sha: sha("e3") },
        ],
      });
      expect(response.status).toBe(201);
      const answered = (await response.json()).deployments.map((d: { id: number; commits: string[] }) => [d.id, d.commits.map((s) => s.slice(0, 2))]);
      const stored = await Promise.all(answered.map(async ([id]: [number]) => [id, (await listDeploymentShas(db.read, id)).map((s) => s.slice(0, 2))]));
      expect(answered).toEqual(stored);
      expect(answered[0]).toEqual([earlier.id, ["a2", "a1"]]);
      expect(answered[1]![1]).toEqual(["b1", "b4", "b2", "b3"]);
      expect(answered[1]).toEqual(answered[3]);
      expect(answered[5]![1]).toEqual(["e2", "e1", "e3", "f1"]);
      expect(answered[6]![1]).toEqual([]);
    });

    it("where a service requires approved changes, refuses each way around the rule with 409 naming its reason, writing nothing", async () => {
      const db = database.db();
      const now = new Date();
      const person = async (id: string, role: UserActor["role"]): Promise<UserActor> => {
        await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role, createdAt: now, updatedAt: now }));
        return { type: "user", id, label: id, role };
      };
      const [eng, approver] = [await person("gate-eng", "engineer"), await person("gate-approver", "approver")];
      await upsertService(db, CLI_ACTOR, "vault", { requireChange: ["production"] });
      const file = (o: Record<string, unknown> = {}) =>
        submitChange(db, eng, "ui", changeCreateSchema.parse({ title: "Rotate keys", service: "vault", type: "normal", risk: "low", plannedStart: "2026-03-12T10:00:00Z", plannedEnd: "2026-03-12T12:00:00Z", ...o }));
      const approved = async (o: Record<string, unknown> = {}) => (await decideChange(db, approver, (await file(o)).id, "approved", "ok")).change;
      const [mine, others, used, pending] = [await approved(), await approved({ service: "ledger" }), await approved(), await file()];
      const gated = { service: "vault", status: "success", startedAt: "2026-03-12T10:30:00Z", finishedAt: "2026-03-12T11:00:00Z" };
      expect((await post({ ...gated, changeRequest: used.id })).status).toBe(201);
      await db.transaction((tx) => insertFreeze(tx, { name: "Audit", serviceId: null, startsAt: new Date("2026-03-12T12:00:00Z"), endsAt: new Date("2026-03-13T00:00:00Z"), createdAt: now }));
      const before = await rows();
      for (const [body, codes] of [
        [gated, "change_required"],
        [{ ...gated, changeRequest: others.id }, "change_other_service"],
        [{ ...gated, changeRequest: used.id }, "change_used"],
        [{ ...gated, changeRequest: mine.id, finishedAt: "2026-03-12T12:30:00Z" }, "change_outside_window, freeze"],
        [{ ...gated, changeRequest: pending.id }, "change_not_approved"],
        [{ deployments: [{ ...gated, changeRequest: mine.id }, gated] }, "change_required"],
      ] as const) {
        const response = await post(body);
        expect(response.status, JSON.stringify(body)).toBe(409);
        const { error } = await response.json();
        expect(Object.values(error.fields)).toEqual([codes]);
        for (const code of codes.split(", ")) expect(error.message).toContain(`(${code})`);
      }
      expect(await rows()).toEqual(before);
      expect((await findChange(db.read, mine.id))!.status).toBe("approved");
      expect((await findChange(db.read, others.id))!.status).toBe("approved");
      expect((await post({ ...gated, changeRequest: mine.id })).status).toBe(201);
      expect((await findChange(db.read, mine.id))!.status).toBe("implemented");
    });

    it("answers 413 over 1 MiB and 400 for malformed JSON, writing nothing", async () => {
      const before = await rows();
      expect((await post({ ...ok, version: "x".repeat(1024 * 1024) })).status).toBe(413);
      const malformed = await post("{");
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error.message).toMatch(/^The body is not valid JSON/);
      expect(await rows()).toEqual(before);
    });

    it("needs an ingest or admin token", async () => {
      expect((await post(ok, tokens.read)).status).toBe(403);
      expect((await post(ok, "tdm_wrong")).status).toBe(401);
      expect((await post(ok, tokens.admin)).status).toBe(201);
    });
  });
  return database;
}
