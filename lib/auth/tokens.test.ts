import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "@/db/schema";
import { listApiTokens } from "@/db/queries/tokens";
import { memoryDb } from "@/db/test/temp-db";
import { createAuth } from "./auth";
import { createUserAccount } from "@/lib/users/users";
import { CLI_ACTOR } from "./actor";
import { authenticateToken, createApiToken, hashToken, revokeApiToken } from "./tokens";

describe("API tokens", () => {
  it("find a live token as Drizzle would list it, stamping its use at most once a minute", async () => {
    const { db, sqlite } = memoryDb();
    const { token, record } = await createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" });
    const found = (await authenticateToken(db, token))!;
    expect(JSON.stringify({ ...found, lastUsedAt: null })).toBe(JSON.stringify(record));
    const [listed] = await listApiTokens(db.read);
    expect(listed).toEqual(found);
    sqlite.prepare("update api_tokens set last_used_at = ?").run(found.lastUsedAt!.getTime() - 30_000);
    await authenticateToken(db, token);
    expect((await listApiTokens(db.read))[0]!.lastUsedAt!.getTime()).toBe(found.lastUsedAt!.getTime() - 30_000);
    expect(await authenticateToken(db, "tdm_wrong")).toBeUndefined();
    await revokeApiToken(db, CLI_ACTOR, record.id);
    expect(await authenticateToken(db, token)).toBeUndefined();
    sqlite.close();
  });

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

  // Issue 15, item 11: the rule holds at every request too, for a creator deactivated before tokens were
  // revoked with them (or banned some other way): such a token is not live.
  it("do not authenticate while their creator is deactivated, even unrevoked", async () => {
    const { db, sqlite } = memoryDb();
    const auth = createAuth(db, { secret: "a-test-secret-that-is-long-enough-123456", publicUrl: undefined, port: 3000 });
    const creator = await createUserAccount(auth, db, CLI_ACTOR, { email: "ada@example.com", name: "Ada", role: "admin", password: "ada-password-123" });
    const { token } = await createApiToken(db, { type: "user", id: creator.id, label: creator.email, role: "admin" }, { name: "ada's", role: "admin" });
    expect(await authenticateToken(db, token)).toMatchObject({ role: "admin" });
    sqlite.prepare("update user set banned = 1 where id = ?").run(creator.id);
    expect(await authenticateToken(db, token)).toBeUndefined();
    sqlite.prepare("update user set banned = 0 where id = ?").run(creator.id);
    expect(await authenticateToken(db, token)).toMatchObject({ role: "admin" });
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
