import { afterAll, beforeAll } from "vitest";
import { createDatabase, postgresBinDir, startPostgresCluster, type PostgresCluster } from "./postgres-cluster";

/**
 * Whether this machine can run the PostgreSQL tests: a server named by TANDEM_TEST_PG_URL (a superuser's
 * URL; each test file makes its own databases there) or PostgreSQL's binaries to start a throw-away
 * cluster. CI installs PostgreSQL, so there a missing one is a failure, not a skip.
 */
export const postgresAvailable = Boolean(process.env.TANDEM_TEST_PG_URL || postgresBinDir());
if (!postgresAvailable && process.env.CI) throw new Error("CI must run the PostgreSQL tests: install postgresql or set TANDEM_TEST_PG_URL");

/**
 * For a describe block: a PostgreSQL server for the file's tests, and `fresh()` for a new empty database
 * on it (dropped after the file). Use with `describe.skipIf(!postgresAvailable)`.
 */
export function postgresServer(): { fresh: () => Promise<string> } {
  let cluster: PostgresCluster | undefined;
  let adminUrl = process.env.TANDEM_TEST_PG_URL;
  const drops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    if (adminUrl) return;
    cluster = await startPostgresCluster();
    adminUrl = cluster.adminUrl;
  }, 60_000);
  afterAll(async () => {
    for (const drop of drops) await drop().catch(() => undefined);
    cluster?.stop();
  }, 60_000);
  return {
    fresh: async () => {
      const { url, drop } = await createDatabase(adminUrl!);
      drops.push(drop);
      return url;
    },
  };
}
