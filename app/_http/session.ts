import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { isUserRole, userCan, type Permission } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/actor";

export type { CurrentUser };

/** The signed-in person and their session's id, or null. Reads the session from the database once per request. */
const getSignedIn = cache(async (): Promise<{ user: CurrentUser; sessionId: string } | null> => {
  // Read the request first: it marks the page dynamic before anything touches the database, so
  // `next build` never opens (or creates) it while prerendering.
  const requestHeaders = await headers();
  const result = await (await getAuth()).api.getSession({ headers: requestHeaders });
  if (!result || result.user.banned || !isUserRole(result.user.role)) return null;
  const { id, email, name, role } = result.user;
  return { user: { type: "user", id, label: email, role, name, email }, sessionId: result.session.id };
});

/** The signed-in person, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await getSignedIn())?.user ?? null;
}

/** The id of the request's live session, or null: what a stream checks again while it stays open. */
export async function currentSessionId(): Promise<string | null> {
  return (await getSignedIn())?.sessionId ?? null;
}

/**
 * For pages: sends an anonymous visitor to sign-in and answers 403 when the role lacks the
 * permission. Each page calls it itself; the shell hiding a link is never the check.
 */
export async function requirePageUser(permission: Permission = "read"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!userCan(user.role, permission)) forbidden();
  return user;
}
