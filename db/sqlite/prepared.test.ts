import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sqliteOf } from "./prepared";
import { recordAudit } from "../queries/audit";
import { findDeploymentByExternalId, findDeploymentById, insertDeployment, lookupCommit, upsertCommit } from "../queries/ingest";
import { findServiceBySlug, insertService } from "../queries/services";
import { insertEvent } from "../queries/timeline";
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from "../queries/tokens";
import { auditLog, deployments, services, timelineEvents } from "../schema";
import { memoryDb } from "../test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";

/** The hot-path queries skip Drizzle: they must read and write exactly what Drizzle would. */
describe("statements prepared once per connection", () => {
  it("run on the connection under a Db and under its transactions", () => {
    const { db, sqlite } = memoryDb();
    expect(sqliteOf(db)).toBe(sqlite);
    db.transaction((tx) => expect(sqliteOf(tx)).toBe(sqlite));
    sqlite.close();
  });

  it("decode deployments and services as Drizzle does, key for key and in the same order", () => {
    const { db, sqlite } = memoryDb();
    const service = insertService(db, { slug: "api", name: "API", team: "core", requireApprovedChange: true });
    expect(JSON.stringify(findServiceBySlug(db, "api"))).toBe(JSON.stringify(db.select().from(services).where(eq(services.slug, "api")).get()));
    expect(findServiceBySlug(db, "api")).toEqual(service);
    expect(findServiceBySlug(db, "nope")).toBeUndefined();

    const full = insertDeployment(db, {
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
    const bare = insertDeployment(db, { serviceId: service.id, status: "queued", source: "test", rollbackOfId: full.id, createdAt: new Date(1), updatedAt: new Date(2) });
    for (const d of [full, bare]) {
      const drizzle = db.select().from(deployments).where(eq(deployments.id, d.id)).get();
      expect(JSON.stringify(d)).toBe(JSON.stringify(drizzle));
      expect(d).toEqual(drizzle);
      expect(findDeploymentById(db, d.id)).toEqual(drizzle);
    }
    expect(bare).toMatchObject({ environment: "production", unplanned: false, changeFailed: false, externalId: null, startedAt: null });
    expect(findDeploymentByExternalId(db, "test", "run-1")).toEqual(full);
    expect(findDeploymentByExternalId(db, "other", "run-1")).toBeUndefined();
    sqlite.close();
  });

  it("keep a commit's earliest timestamp and first details, and answer what is stored", () => {
    const { db, sqlite } = memoryDb();
    const service = insertService(db, { slug: "api", name: "API" });
    const first = upsertCommit(db, service.id, { sha: "abc1234", timestamp: new Date(5000), message: "one" });
    expect(upsertCommit(db, service.id, { sha: "abc1234", timestamp: new Date(9000), message: "two", parentSha: "0ff1ce0" })).toEqual(first);
    expect(upsertCommit(db, service.id, { sha: "abc1234", timestamp: new Date(3000) })).toEqual({ id: first.id, timestamp: 3000 });
    expect(lookupCommit(db, service.id, "abc1234")).toEqual({ id: first.id, parentSha: "0ff1ce0", timestamp: 3000 });
    expect(sqlite.prepare("select message from commits").pluck().get()).toBe("one");
    sqlite.close();
  });

  it("write audit entries and timeline events as Drizzle's inserts do", () => {
    const { db, sqlite } = memoryDb();
    const service = insertService(db, { slug: "api", name: "API" });
    const at = new Date("2026-03-10T08:00:00Z");
    const after = { id: 1, at, nested: { flag: false } };
    recordAudit(db, CLI_ACTOR, { action: "x.create", entityType: "x", entityId: 7, after }, at);
    db.insert(auditLog).values({ at, actorType: "cli", actorId: null, actorLabel: CLI_ACTOR.label, action: "x.create", entityType: "x", entityId: "7", before: null, after }).run();
    recordAudit(db, { type: "token", id: "3", label: "ci", role: "ingest" }, { action: "x.update", entityType: "x", before: false, after: 0 }, at);
    db.insert(auditLog).values({ at, actorType: "token", actorId: "3", actorLabel: "ci", action: "x.update", entityType: "x", entityId: null, before: false, after: 0 }).run();
    const audit = sqlite.prepare("select at, actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after from audit_log order by id").all();
    expect(audit[0]).toEqual(audit[1]);
    expect(audit[2]).toEqual(audit[3]);

    const event = { at, type: "deployment", action: "succeeded", serviceId: service.id, environment: "production", summary: "api 1.0 deployed", subjectId: 1, subjectExternalId: null } as const;
    insertEvent(db, event);
    db.insert(timelineEvents).values(event).run();
    insertEvent(db, { ...event, type: "incident", environment: null, subjectExternalId: "pd-1" });
    db.insert(timelineEvents).values({ ...event, type: "incident", environment: null, subjectExternalId: "pd-1" }).run();
    const events = sqlite.prepare("select at, type, action, service_id, environment, summary, subject_id, subject_external_id from timeline_events order by id").all();
    expect(events[0]).toEqual(events[1]);
    expect(events[2]).toEqual(events[3]);
    sqlite.close();
  });

  it("find a live token as Drizzle would list it, stamping its use at most once a minute", () => {
    const { db, sqlite } = memoryDb();
    const { token, record } = createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" });
    const found = authenticateToken(db, token)!;
    expect(JSON.stringify({ ...found, lastUsedAt: null })).toBe(JSON.stringify(record));
    const [listed] = listApiTokens(db);
    expect(listed).toEqual(found);
    sqlite.prepare("update api_tokens set last_used_at = ?").run(found.lastUsedAt!.getTime() - 30_000);
    authenticateToken(db, token);
    expect(listApiTokens(db)[0]!.lastUsedAt!.getTime()).toBe(found.lastUsedAt!.getTime() - 30_000);
    expect(authenticateToken(db, "tdm_wrong")).toBeUndefined();
    revokeApiToken(db, CLI_ACTOR, record.id);
    expect(authenticateToken(db, token)).toBeUndefined();
    sqlite.close();
  });
});
