import { and, asc, count, eq, ne, or, isNull, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { account, session, user, type User } from "../schema";
import type { UserRole } from "@/lib/auth/roles";

export type UserSummary = Pick<User, "id" | "email" | "name" | "role" | "banned" | "createdAt">;

const summaryColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: user.banned,
  createdAt: user.createdAt,
};

export function listUsers(db: Db): UserSummary[] {
  return db
    .select(summaryColumns)
    .from(user)
    .orderBy(asc(user.name))
    .all();
}

export function findUserById(db: DbOrTx, id: string): UserSummary | undefined {
  return listUsersWhere(db, eq(user.id, id))[0];
}

export function findUserByEmail(db: DbOrTx, email: string): UserSummary | undefined {
  return listUsersWhere(db, eq(user.email, email.toLowerCase()))[0];
}

function listUsersWhere(db: DbOrTx, where: SQL): UserSummary[] {
  return db
    .select(summaryColumns)
    .from(user)
    .where(where)
    .all();
}

/** Users with a password, i.e. who can sign in (demo personas have none). */
export function countSignInUsers(db: DbOrTx): number {
  return db.select({ n: count() }).from(account).where(eq(account.providerId, "credential")).get()?.n ?? 0;
}

/** Active admins other than the given user: an instance must never lose its last admin. */
export function countOtherActiveAdmins(db: DbOrTx, exceptUserId: string): number {
  return (
    db
      .select({ n: count() })
      .from(user)
      .where(
        and(eq(user.role, "admin"), ne(user.id, exceptUserId), or(isNull(user.banned), eq(user.banned, false))),
      )
      .get()?.n ?? 0
  );
}

export function setUserRole(db: DbOrTx, id: string, role: UserRole): void {
  db.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, id)).run();
}

/** Deactivating also ends every session, so the person is out at once, not when the cookie expires. */
export function setUserActive(db: DbOrTx, id: string, active: boolean): void {
  db.update(user).set({ banned: !active, updatedAt: new Date() }).where(eq(user.id, id)).run();
  if (!active) db.delete(session).where(eq(session.userId, id)).run();
}
