import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { settings } from "../schema";

export function getSetting(db: Db, key: string): string | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

/** The instance secret: TANDEM_SECRET when given, otherwise generated once and kept in the database. */
export function getOrCreateSecret(db: Db, configured: string | undefined): string {
  if (configured) return configured;
  // Insert-or-ignore then read, so two processes starting together agree on one secret.
  db.insert(settings)
    .values({ key: "secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing()
    .run();
  return getSetting(db, "secret")!;
}
