import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Queryable } from "../database";
import { settings } from "../schema";

export async function getSetting(q: Queryable, key: string): Promise<string | undefined> {
  return (await q.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1))[0]?.value;
}

/** The instance secret: TANDEM_SECRET when given, otherwise generated once and kept in the database. */
export async function getOrCreateSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  // Insert-or-ignore then read, so two processes starting together agree on one secret.
  const candidate = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    await tx.insert(settings).values({ key: "secret", value: candidate }).onConflictDoNothing();
    return (await getSetting(tx, "secret"))!;
  });
}
