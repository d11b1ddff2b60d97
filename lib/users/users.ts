import { isAPIError } from "better-auth/api";
import type { Database, Queryable } from "@/db/database";
import type { Auth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/db/queries/audit";
import {
  countOtherActiveAdmins,
  findUserByEmail,
  findUserById,
  setUserActive,
  setUserRole,
  type UserSummary,
} from "@/db/queries/users";
import { markTokensOfCreatorRevoked } from "@/db/queries/tokens";
import { AppError, notFound } from "@/lib/errors";
import type { UserRole } from "@/lib/auth/roles";
import type { NewUser } from "./schema";

const emailTaken = (email: string) =>
  new AppError("conflict", `A user with the email ${email} already exists.`, { email: "is already in use" });

/** Creates a person who can sign in with email and password (Settings and `tandem user add`). */
export async function createUserAccount(auth: Auth, db: Database, actor: Actor, input: NewUser): Promise<UserSummary> {
  if (await findUserByEmail(db.read, input.email)) throw emailTaken(input.email);
  try {
    // No request headers: a trusted server call, authorised by the caller's own role check.
    await auth.api.createUser({
      body: { email: input.email, password: input.password, name: input.name, role: input.role },
    });
  } catch (e) {
    if (isAPIError(e) && e.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") throw emailTaken(input.email);
    throw e;
  }
  const created = (await findUserByEmail(db.read, input.email))!;
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: created.id, after: created });
  });
  return created;
}

async function assertKeepsAnAdmin(q: Queryable, target: UserSummary): Promise<void> {
  if (target.role === "admin" && (await countOtherActiveAdmins(q, target.id)) === 0) {
    throw new AppError("conflict", `${target.name} is the last active admin; make someone else admin first.`).saying("lastAdmin", { name: target.name });
  }
}

export async function changeUserRole(db: Database, actor: Actor, input: { userId: string; role: UserRole }): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, input.userId);
    if (!before) throw notFound("user");
    if (before.role === input.role) return before;
    if (input.role !== "admin") await assertKeepsAnAdmin(tx, before);
    await setUserRole(tx, input.userId, input.role);
    const after = { ...before, role: input.role };
    await recordAudit(tx, actor, { action: "user.role", entityType: "user", entityId: before.id, before, after });
    return after;
  });
}

export async function setUserActiveState(db: Database, actor: Actor, input: { userId: string; active: boolean }): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const before = await findUserById(tx, input.userId);
    if (!before) throw notFound("user");
    if (!before.banned === input.active) return before;
    if (!input.active) {
      if (actor.type === "user" && actor.id === before.id) {
        throw new AppError("conflict", "You cannot deactivate your own account.").saying("ownAccount");
      }
      await assertKeepsAnAdmin(tx, before);
    }
    await setUserActive(tx, input.userId, input.active);
    // Tokens are personal credentials: they die with their creator's deactivation, and activating the
    // person again does not bring them back (an admin creates new ones).
    if (!input.active) {
      for (const token of await markTokensOfCreatorRevoked(tx, input.userId, new Date())) {
        await recordAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: token.id, after: token });
      }
    }
    const after = { ...before, banned: !input.active };
    await recordAudit(tx, actor, {
      action: input.active ? "user.activate" : "user.deactivate",
      entityType: "user",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
