import { and, asc, count, eq, gt, ne, or, isNull, type SQL } from "drizzle-orm";
import type { Queryable } from "../database";
import { account, session, user, type User } from "../schema";

export type UserSummary = Pick<User, "id" | "email" | "name" | "role" | "banned" | "createdAt">;

const summaryColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  banned: user.banned,
  createdAt: user.createdAt,
};

export async function listUsers(q: Queryable): Promise<UserSummary[]> {
  return q
    .select(summaryColumns)
    .from(user)
    .orderBy(asc(user.name));
}

export async function findUserById(q: Queryable, id: string): Promise<UserSummary | undefined> {
  return (await listUsersWhere(q, eq(user.id, id)))[0];
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserSummary | undefined> {
  return (await listUsersWhere(q, eq(user.email, email.toLowerCase())))[0];
}

async function listUsersWhere(q: Queryable, where: SQL): Promise<UserSummary[]> {
  return q
    .select(summaryColumns)
    .from(user)
    .where(where);
}

/** Users with a password, i.e. who can sign in (demo personas have none). */
export async function countSignInUsers(q: Queryable): Promise<number> {
  return (await q.select({ n: count() }).from(account).where(eq(account.providerId, "credential")))[0]?.n ?? 0;
}

/** Active admins other than the given user: an instance must never lose its last admin. */
export async function countOtherActiveAdmins(q: Queryable, exceptUserId: string): Promise<number> {
  const rows = await q
    .select({ n: count() })
    .from(user)
    .where(
      and(eq(user.role, "admin"), ne(user.id, exceptUserId), or(isNull(user.banned), eq(user.banned, false))),
    );
  return rows[0]?.n ?? 0;
}

export async function setUserRole(q: Queryable, id: string, role: User["role"]): Promise<void> {
  await q.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, id));
}

/** Deactivating also ends every session, so the person is out at once, not when the cookie expires. */
export async function setUserActive(q: Queryable, id: string, active: boolean): Promise<void> {
  await q.update(user).set({ banned: !active, updatedAt: new Date() }).where(eq(user.id, id));
  if (!active) await q.delete(session).where(eq(session.userId, id));
}

/** Whether a session still stands: not signed out, not expired, its person not deactivated. */
export async function isSessionLive(q: Queryable, sessionId: string, now: Date): Promise<boolean> {
  const rows = await q
    .select({ id: session.id })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(and(eq(session.id, sessionId), gt(session.expiresAt, now), or(isNull(user.banned), eq(user.banned, false))))
    .limit(1);
  return rows.length > 0;
}

/** The UI language a person chose, or null when they left it to their browser. */
export async function findUserLocale(q: Queryable, id: string): Promise<string | null> {
  return (await q.select({ locale: user.locale }).from(user).where(eq(user.id, id)).limit(1))[0]?.locale ?? null;
}

export async function setUserLocale(q: Queryable, id: string, locale: string | null): Promise<void> {
  await q.update(user).set({ locale, updatedAt: new Date() }).where(eq(user.id, id));
}
