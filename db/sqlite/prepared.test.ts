import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sqliteOf } from "./prepared";
import { recordAudit } from "../queries/audit";
import { findDeploymentByExternalId, findDeploymentById, insertDeployment, upsertCommit } from "../queries/ingest";
import { findServiceBySlug, insertService } from "../queries/services";
import { insertEvent } from "../queries/timeline";
import { auditLog, deployments, services, timelineEvents, type AuditActor } from "../schema";
import { memoryDb, tempDir } from "../test/temp-db";
import { openSqliteDatabase } from "./sqlite-database";

const ACTOR: AuditActor = { type: "cli", id: null, label: "command line" };

/** The hot-path queries skip Drizzle: they must read and write exactly what Drizzle would. */
describe("statements prepared once per connection", () => {
  it("run on the connection under a Db and under its transactions", async () => {
    const { db, sqlite } = memoryDb();
    expect(sqliteOf(db.read)).toBe(sqlite);
    await db.transaction(async (tx) => expect(sqliteOf(tx)).toBe(sqlite));
    sqlite.close();
  });

  it("read outside a transaction on the reader connection, and inside one on the writer", async () => {
    const t = tempDir();
    const database = openSqliteDatabase(t.file);
    await database.transaction((tx) => insertService(tx, { slug: "api", name: "API" }));
    expect(sqliteOf(database.read)).not.toBe(database.sqlite);
    expect(sqliteOf(database.read).readonly).toBe(true);
    expect((await findServiceBySlug(database.read, "api"))?.slug).toBe("api");
    await database.transaction(async (tx) => {
      expect(sqliteOf(database.read)).toBe(database.sqlite);
      await insertService(tx, { slug: "web", name: "Web" });
      expect((await findServiceBySlug(database.read, "web"))?.slug).toBe("web");
    });
    await database.close();
    t.cleanup();
  });

  it("decode deployments and services as Drizzle does, key for key and in the same order", async () => {
    const { db, sqlite } = memoryDb();
    const service = await insertService(db.read, { slug: "api", name: "API", team: "core", requireChange: ["production"] });
    expect(JSON.stringify(await findServiceBySlug(db.read, "api"))).toBe(JSON.stringify((await db.read.select().from(services).where(eq(services.slug, "api")))[0]));
    expect(await findServiceBySlug(db.read, "api")).toEqual(service);
    expect(await findServiceBySlug(db.read, "nope")).toBeUndefined();

    const full = await insertDeployment(db.read, {
      serviceId: service.id,
      environment: "staging",
      version: "1.0",
      sha: "abc1234",
      status: "success",
      startedAt: new Date("2026-03-10T08:00:00Z"),
      finishedAt: new Date("2026-03-10T08:05:00.123Z"),
      source: "test",
      externalId: "run-1",
      unplanned: true,
      changeFailed: false,
      deployedBy: "ci",
      url: "https://ci.example/1",
      createdAt: new Date("2026-03-10T08:06:00Z"),
      updatedAt: new Date("2026-03-10T08:07:00Z"),
    });
    const bare = await insertDeployment(db.read, { serviceId: service.id, status: "queued", source: "test", rollbackOfId: full.id, createdAt: new Date(1), updatedAt: new Date(2) });
    for (const d of [full, bare]) {
      const [drizzle] = await db.read.select().from(deployments).where(eq(deployments.id, d.id));
      expect(JSON.stringify(d)).toBe(JSON.stringify(drizzle));
      expect(d).toEqual(drizzle);
      expect(await findDeploymentById(db.read, d.id)).toEqual(drizzle);
    }
    expect(bare).toMatchObject({ environment: "production", unplanned: false, changeFailed: false, externalId: null, startedAt: null });
    expect(await findDeploymentByExternalId(db.read, "test", "run-1")).toEqual(full);
    expect(await findDeploymentByExternalId(db.read, "other", "run-1")).toBeUndefined();
    sqlite.close();
  });

  it("keep a commit's earliest timestamp and first details, and answer what is stored", async () => {
    const { db, sqlite } = memoryDb();
    const service = await insertService(db.read, { slug: "api", name: "API" });
    const first = await upsertCommit(db.read, service.id, { sha: "abc1234", timestamp: new Date(5000), message: "one" });
    expect(await upsertCommit(db.read, service.id, { sha: "abc1234", timestamp: new Date(9000), message: "two", parentSha: "0ff1ce0" })).toEqual(first);
    expect(await upsertCommit(db.read, service.id, { sha: "abc1234", timestamp: new Date(3000) })).toEqual({ id: first.id, timestamp: 3000 });
    expect(sqlite.prepare("select id, parent_sha as parentSha, timestamp from commits").get()).toEqual({ id: first.id, parentSha: "0ff1ce0", timestamp: 3000 });
    expect(sqlite.prepare("select message from commits").pluck().get()).toBe("one");
    sqlite.close();
  });

  it("write audit entries and timeline events as Drizzle's inserts do", async () => {
    const { db, sqlite } = memoryDb();
    const service = await insertService(db.read, { slug: "api", name: "API" });
    const at = new Date("2026-03-10T08:00:00Z");
    const after = { id: 1, at, nested: { flag: false } };
    await recordAudit(db.read, ACTOR, { action: "x.create", entityType: "x", entityId: 7, after }, at);
    await db.read.insert(auditLog).values({ at, actorType: "cli", actorId: null, actorLabel: ACTOR.label, action: "x.create", entityType: "x", entityId: "7", before: null, after });
    await recordAudit(db.read, { type: "token", id: "3", label: "ci" }, { action: "x.update", entityType: "x", before: false, after: 0 }, at);
    await db.read.insert(auditLog).values({ at, actorType: "token", actorId: "3", actorLabel: "ci", action: "x.update", entityType: "x", entityId: null, before: false, after: 0 });
    const audit = sqlite.prepare("select at, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after from audit_log order by id").all();
    expect(audit[0]).toEqual(audit[1]);
    expect(audit[2]).toEqual(audit[3]);

    const event = { at, type: "deployment", action: "succeeded", serviceId: service.id, environment: "production", summary: "api 1.0 deployed", subjectId: 1, subjectExternalId: null } as const;
    await insertEvent(db.read, event);
    await db.read.insert(timelineEvents).values(event);
    await insertEvent(db.read, { ...event, type: "incident", environment: null, subjectExternalId: "pd-1" });
    await db.read.insert(timelineEvents).values({ ...event, type: "incident", environment: null, subjectExternalId: "pd-1" });
    const events = sqlite.prepare("select at, type, action, service_id, environment, summary, subject_id, subject_external_id from timeline_events order by id").all();
    expect(events[0]).toEqual(events[1]);
    expect(events[2]).toEqual(events[3]);
    sqlite.close();
  });
});
