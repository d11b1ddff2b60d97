import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getAuth } from "./auth";
import { isUserRole, userCan, type Permission } from "./roles";
import type { UserActor } from "./actor";

export type CurrentUser = UserActor & { name: string; email: string };

/** The signed-in person, or null. Reads the session from the database once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Read the request first: it marks the page dynamic before anything touches the database, so
  // `next build` never opens (or creates) it while prerendering.
  const requestHeaders = await headers();
  const result = await (await getAuth()).api.getSession({ headers: requestHeaders });
  if (!result || result.user.banned || !isUserRole(result.user.role)) return null;
  const { id, email, name, role } = result.user;
  return { type: "user", id, label: email, role, name, email };
});

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
