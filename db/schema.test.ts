import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { apiTokens, auditLog, deployments, services } from "./schema";
import { recordAudit } from "./queries/audit";
import { authenticateToken, createApiToken, revokeApiToken } from "./queries/tokens";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { hashToken } from "@/lib/auth/tokens";
import { memoryDb, tempDir } from "./test/temp-db";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe("database setup", () => {
  it("creates the folder and file, migrates, and runs in WAL mode with foreign keys and a busy timeout", () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const nested = `${t.dir}/a/b/tandem.db`;
    const { sqlite, created } = openDatabase(nested);
    expect(created).toBe(true);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    sqlite.close();
    const again = openDatabase(nested);
    expect(again.created).toBe(false);
    again.sqlite.close();
  });

  it("refuses rows that point at nothing", async () => {
    const { db } = memoryDb();
    const now = new Date();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(deployments).values({ serviceId: 999, status: "success", source: "test", createdAt: now, updatedAt: now });
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("keeps externalId unique per source, not globally", async () => {
    const { db } = memoryDb();
    const now = new Date();
    const { id } = (await db.read.insert(services).values({ slug: "api", name: "API", createdAt: now, updatedAt: now }).returning())[0]!;
    const row = (source: string) => ({ serviceId: id, status: "success" as const, source, externalId: "run-1", createdAt: now, updatedAt: now });
    await db.read.insert(deployments).values(row("token:1"));
    await db.read.insert(deployments).values(row("token:2"));
    await expect(db.read.insert(deployments).values(row("token:1"))).rejects.toThrow(/UNIQUE/);
  });
});

describe("audit log", () => {
  it("accepts new rows but refuses any update or delete, even in raw SQL", async () => {
    const { db, sqlite } = memoryDb();
    await recordAudit(db.read, CLI_ACTOR, { action: "test.write", entityType: "thing", entityId: 1, before: { a: 1 }, after: { a: 2 } });
    const [row] = await db.read.select().from(auditLog);
    expect(row).toMatchObject({ actorType: "cli", action: "test.write", entityId: "1", before: { a: 1 }, after: { a: 2 } });
    await expect(db.read.update(auditLog).set({ action: "forged" }).where(eq(auditLog.id, row!.id))).rejects.toThrow(/append-only/);
    await expect(db.read.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow(/append-only/);
    expect(() => sqlite.exec("DELETE FROM audit_log")).toThrow(/append-only/);
    expect(await db.read.select().from(auditLog)).toHaveLength(1);
    expect((await db.read.select().from(auditLog))[0]!.action).toBe("test.write");
  });
});

describe("API tokens", () => {
  it("are never stored in clear, only as a SHA-256 digest, and authenticate until revoked", async () => {
    const { db, sqlite } = memoryDb();
    const { token, record } = await createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" });
    const dump = JSON.stringify(sqlite.prepare("select * from api_tokens").all()) + JSON.stringify(sqlite.prepare("select * from audit_log").all());
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(12));
    expect((await db.read.select({ h: apiTokens.tokenHash }).from(apiTokens))[0]!.h).toBe(hashToken(token));
    expect(await authenticateToken(db, token)).toMatchObject({ id: record.id, role: "ingest" });
    expect(await authenticateToken(db, token + "x")).toBeUndefined();
    await revokeApiToken(db, CLI_ACTOR, record.id);
    expect(await authenticateToken(db, token)).toBeUndefined();
  });

  it("records when a token was last used", async () => {
    const { db } = memoryDb();
    const { token, record } = await createApiToken(db, CLI_ACTOR, { name: "ci", role: "read" });
    expect(record.lastUsedAt).toBeNull();
    await authenticateToken(db, token);
    const [stored] = await db.read.select({ at: apiTokens.lastUsedAt }).from(apiTokens);
    expect(stored!.at).toBeInstanceOf(Date);
    expect((await db.read.select({ n: sql<number>`count(*)` }).from(auditLog))[0]!.n).toBe(1);
  });
});
