import { connectDatabase } from "@/db/client";
import { getOrCreateSecret } from "@/db/queries/settings";
import { databaseTargetOf } from "@/db/url";
import { createAuth } from "@/lib/auth/auth";

/**
 * A session cookie for a user, from better-auth on the same database and secret the server uses. The
 * app signs in through a server action and mounts no `/api/auth` route, so there is no plain HTTP
 * sign-in to call; the cookie is the one that action would set.
 */
export async function sessionCookie(databaseUrl: string, email: string, password: string): Promise<string> {
  const { db } = await connectDatabase(databaseTargetOf(databaseUrl));
  try {
    const auth = createAuth(db, { secret: await getOrCreateSecret(db, undefined), publicUrl: undefined, port: 3000 });
    const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
    if (!response.ok) throw new Error(`sign-in: HTTP ${response.status} ${await response.text()}`);
    const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
    if (!cookies.length) throw new Error("sign-in: no session cookie");
    return cookies.join("; ");
  } finally {
    await db.close();
  }
}
