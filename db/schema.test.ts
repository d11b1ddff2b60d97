import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { auditLog, deployments, services, type AuditActor } from "./schema";
import { recordAudit } from "./queries/audit";
import { memoryDb, tempDir } from "./test/temp-db";

const ACTOR: AuditActor = { type: "cli", id: null, label: "command line" };

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
    await recordAudit(db.read, ACTOR, { action: "test.write", entityType: "thing", entityId: 1, before: { a: 1 }, after: { a: 2 } });
    const [row] = await db.read.select().from(auditLog);
    expect(row).toMatchObject({ actorType: "cli", action: "test.write", entityId: "1", before: { a: 1 }, after: { a: 2 } });
    await expect(db.read.update(auditLog).set({ action: "forged" }).where(eq(auditLog.id, row!.id))).rejects.toThrow(/append-only/);
    await expect(db.read.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow(/append-only/);
    expect(() => sqlite.exec("DELETE FROM audit_log")).toThrow(/append-only/);
    expect(await db.read.select().from(auditLog)).toHaveLength(1);
    expect((await db.read.select().from(auditLog))[0]!.action).toBe("test.write");
  });
});
