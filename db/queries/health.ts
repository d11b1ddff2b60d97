import { settings } from "../schema";
import type { Database } from "../database";

const PROBE_KEY = "health.last_write";

/** Proves the database takes a committed write (a full disk, a read-only replica, a lost lock all fail it). */
export async function probeWrite(db: Database, at: Date): Promise<void> {
  const value = String(at.getTime());
  await db.transaction((tx) => tx.insert(settings).values({ key: PROBE_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }));
}

/** Proves the database answers a read. */
export async function probeRead(db: Database): Promise<void> {
  await db.read.select({ key: settings.key }).from(settings).limit(1);
}
