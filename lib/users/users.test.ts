import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshDatabase } from "@/db/test/engine";
import { apiTokens, auditLog, session, user } from "@/db/schema";
import { authenticateToken, createApiToken } from "@/lib/auth/tokens";
import { createAuth } from "@/lib/auth/auth";
import { CLI_ACTOR, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { changeUserRole, createUserAccount, setUserActiveState } from "./users";

const closes: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closes.splice(0)) await close();
});

async function setup() {
  const { db, close } = await freshDatabase();
  closes.push(close);
  const auth = createAuth(db, { secret: "a-test-secret-that-is-long-enough-123456", publicUrl: undefined, port: 3000 });
  const admin = await createUserAccount(auth, db, CLI_ACTOR, { email: "admin@example.com", name: "Admin", role: "admin", password: "admin-password-1" });
  const eng = await createUserAccount(auth, db, CLI_ACTOR, { email: "eng@example.com", name: "Eng", role: "engineer", password: "eng-password-12" });
  const adminActor: Actor = { type: "user", id: admin.id, label: admin.email, role: "admin" };
  return { db, auth, admin, eng, adminActor };
}

describe("user management", () => {
  it("changes a role and audits before and after", async () => {
    const { db, eng, adminActor } = await setup();
    expect((await changeUserRole(db, adminActor, { userId: eng.id, role: "approver" })).role).toBe("approver");
    const entry = (await db.read.select().from(auditLog).where(eq(auditLog.action, "user.role")).limit(1))[0]!;
    expect(entry).toMatchObject({ actorType: "user", actorId: adminActor.id, entityId: eng.id });
    expect(entry.before).toMatchObject({ role: "engineer" });
    expect(entry.after).toMatchObject({ role: "approver" });
  });

  it("never removes the last active admin, by demotion or deactivation", async () => {
    const { db, admin, eng } = await setup();
    await expect(changeUserRole(db, CLI_ACTOR, { userId: admin.id, role: "viewer" })).rejects.toThrow(/last active admin/);
    await expect(setUserActiveState(db, CLI_ACTOR, { userId: admin.id, active: false })).rejects.toThrow(/last active admin/);
    await changeUserRole(db, CLI_ACTOR, { userId: eng.id, role: "admin" });
    expect((await changeUserRole(db, CLI_ACTOR, { userId: admin.id, role: "viewer" })).role).toBe("viewer");
  });

  it("deactivating signs the person out everywhere and blocks sign-in; nobody deactivates themself", async () => {
    const { db, auth, eng, admin, adminActor } = await setup();
    await auth.api.signInEmail({ body: { email: "eng@example.com", password: "eng-password-12" } });
    expect(await db.read.select().from(session).where(eq(session.userId, eng.id))).toHaveLength(1);
    await setUserActiveState(db, adminActor, { userId: eng.id, active: false });
    expect(await db.read.select().from(session).where(eq(session.userId, eng.id))).toHaveLength(0);
    await expect(auth.api.signInEmail({ body: { email: "eng@example.com", password: "eng-password-12" } })).rejects.toThrow();
    await expect(setUserActiveState(db, adminActor, { userId: admin.id, active: false })).rejects.toThrow(/your own account/);
    await setUserActiveState(db, adminActor, { userId: eng.id, active: true });
    expect((await db.read.select({ banned: user.banned }).from(user).where(eq(user.id, eng.id)).limit(1))[0]!.banned).toBe(false);
  });

  // Issue 15, item 11: an admin token outlived the deactivation of the person who created it.
  it("deactivating revokes the tokens the person created, audited, for good; others' tokens keep working", async () => {
    const { db, auth, admin, adminActor } = await setup();
    const other = await createUserAccount(auth, db, CLI_ACTOR, { email: "ops@example.com", name: "Ops", role: "admin", password: "ops-password-123" });
    const otherActor: Actor = { type: "user", id: other.id, label: other.email, role: "admin" };
    const own = await createApiToken(db, otherActor, { name: "ops admin", role: "admin" });
    const kept = await createApiToken(db, adminActor, { name: "admin's", role: "read" });
    const machine = await createApiToken(db, CLI_ACTOR, { name: "ci", role: "ingest" });
    expect(await authenticateToken(db, own.token)).toBeDefined();
    await setUserActiveState(db, adminActor, { userId: other.id, active: false });
    expect(await authenticateToken(db, own.token)).toBeUndefined();
    expect((await db.read.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, own.record.id)))[0]!.revokedAt).toBeInstanceOf(Date);
    const audit = await db.read.select().from(auditLog).where(eq(auditLog.action, "token.revoke"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, entityType: "api_token", entityId: String(own.record.id) });
    expect(await authenticateToken(db, kept.token)).toBeDefined();
    expect(await authenticateToken(db, machine.token)).toBeDefined();
    await setUserActiveState(db, adminActor, { userId: other.id, active: true });
    expect(await authenticateToken(db, own.token)).toBeUndefined();
  });

  it("reports an unknown user as not found", async () => {
    const { db } = await setup();
    const error = await (async () => {
      try {
        await changeUserRole(db, CLI_ACTOR, { userId: "nobody", role: "viewer" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(404);
  });
});
