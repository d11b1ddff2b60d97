import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, adminAc } from "better-auth/plugins/admin/access";
import { nextCookies } from "better-auth/next-js";
import { getDatabase, isPostgres, isSqlite, type Database } from "@/db/client";
import * as postgresSchema from "@/db/postgres/schema";
import * as schema from "@/db/schema";
import { getOrCreateSecret } from "@/db/queries/settings";
import { getConfig } from "@/lib/config/config";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { withHashedSessionTokens } from "./hashed-sessions";
import { MIN_PASSWORD_LENGTH } from "./password-policy";

/** Tandem's own role checks are authoritative; better-auth only needs to know which roles exist. */
const ac = createAccessControl(defaultStatements);
const roles = {
  viewer: ac.newRole({ user: [], session: [] }),
  engineer: ac.newRole({ user: [], session: [] }),
  approver: ac.newRole({ user: [], session: [] }),
  admin: adminAc,
};


/** better-auth runs its own queries through Drizzle, on the engine's own Drizzle database (it is not on the port). */
function authAdapter(db: Database) {
  if (isSqlite(db)) return drizzleAdapter(db.drizzle, { provider: "sqlite", schema });
  if (isPostgres(db)) return drizzleAdapter(db.drizzle, { provider: "pg", schema: postgresSchema });
  throw new Error(`no sign-in adapter for the ${db.engine} engine`);
}

export function createAuth(db: Database, options: { secret: string; publicUrl: string | undefined; port: number }) {
  return betterAuth({
    appName: "Tandem",
    secret: options.secret,
    // Without TANDEM_URL the base URL comes from each request's own host, so a server reached by IP works.
    baseURL: options.publicUrl ?? { allowedHosts: ["*"], fallback: `http://localhost:${options.port}` },
    database: withHashedSessionTokens(authAdapter(db)),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      useSecureCookies: options.publicUrl !== undefined && new URL(options.publicUrl).protocol === "https:",
      // A session records the address the production server found, not X-Forwarded-For, which any client writes.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    // nextCookies must stay last: it is what lets sign-in from a server action set the cookie.
    plugins: [admin({ ac, roles, defaultRole: "viewer", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { tandemAuth?: Promise<Auth> };

async function buildAuth(): Promise<Auth> {
  const config = getConfig();
  const db = getDatabase();
  return createAuth(db, { secret: await getOrCreateSecret(db, config.secret), publicUrl: config.publicUrl, port: config.port });
}

/**
 * Built on first use, never at module load (that would run during `next build`). Callers arriving while
 * it is being built share the one being built; a failed build is forgotten, so the next call tries again.
 */
export function getAuth(): Promise<Auth> {
  globalForAuth.tandemAuth ??= buildAuth().catch((error: unknown) => {
    globalForAuth.tandemAuth = undefined;
    throw error;
  });
  return globalForAuth.tandemAuth;
}
