import { randomBytes } from "node:crypto";
import type { Connected } from "@/db/client";
import { describeTarget } from "@/db/url";
import { countSignInUsers } from "@/db/queries/users";
import { getOrCreateSecret } from "@/db/queries/settings";
import { seedDemo } from "@/lib/demo/seed-demo";
import { createAuth } from "@/lib/auth/auth";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Config } from "@/lib/config/config";
import { renderMissingHtml } from "@/lib/incidents/rendered";
import { createUserAccount } from "@/lib/users/users";
import { openConfiguredDatabase } from "./context";
import type { CliIo } from "./io";
import { startProgress } from "./progress";

export const DEMO_ADMIN_EMAIL = "admin@example.com";

export type Prepared = { created: boolean; seeded: boolean; admin: { email: string; password: string } | null };

/**
 * The first admin's login, shown once: `npm start` prints it last, after a first build's long log, so it
 * is on screen when the server starts rather than scrolled away.
 */
export function announceAdmin(io: CliIo, admin: Prepared["admin"]): void {
  if (admin) io.out(`Created an admin to sign in with (shown only this once):\n  email:    ${admin.email}\n  password: ${admin.password}`);
}

/**
 * What `npm start` does before serving: create and migrate the database, seed demo data when it
 * created the file itself (TANDEM_DEMO=auto), render Markdown stored before its HTML was, and make a
 * first admin when nobody can sign in.
 */
export async function prepareDatabase(config: Config, io: CliIo, now = Date.now()): Promise<Prepared> {
  let prepared: Prepared | undefined;
  const { db } = await openConfiguredDatabase(config, async (connected) => {
    prepared = await firstStart(connected, config, io, now);
  });
  await db.close();
  return prepared!;
}

/** Under the database's start lock: what a server starting on a new or empty database does once. */
async function firstStart({ db, created }: Connected, config: Config, io: CliIo, now: number): Promise<Prepared> {
  await renderMissingHtml(db);
  let seeded = false;
  if (created && config.demo === "auto") {
    const progress = startProgress(io, "Seeding demo data");
    const summary = await seedDemo(db, SYSTEM_ACTOR, { days: 90, services: 8, seed: 1, now }, progress.update);
    progress.stop();
    io.out(`Created ${describeTarget(config.database)} with demo data: ${summary.deployments} deployments, ${summary.incidents} incidents, ${summary.changes} change requests.`);
    seeded = true;
  }
  let admin: Prepared["admin"] = null;
  // Demo people have no password, so count only users who can actually sign in.
  if ((await countSignInUsers(db.read)) === 0) {
    const password = randomBytes(12).toString("base64url");
    const auth = createAuth(db, { secret: await getOrCreateSecret(db, config.secret), publicUrl: config.publicUrl, port: config.port });
    await createUserAccount(auth, db, SYSTEM_ACTOR, { email: DEMO_ADMIN_EMAIL, name: "Demo Admin", role: "admin", password });
    admin = { email: DEMO_ADMIN_EMAIL, password };
  }
  return { created, seeded, admin };
}

