import { postgresBinDir, startPostgresCluster, type PostgresCluster } from "./postgres-cluster";

let cluster: PostgresCluster | undefined;

/**
 * The "postgres" Vitest project's global setup: one throw-away cluster for the whole run (each test file
 * makes its own databases in it), unless TANDEM_TEST_PG_URL already names a server. Workers start after
 * this and inherit the variable.
 */
export async function setup(): Promise<void> {
  if (process.env.TANDEM_TEST_PG_URL) return;
  // Without PostgreSQL on this machine the project's suites say so one by one (CI installs it).
  if (!postgresBinDir() && !process.env.CI) return;
  cluster = await startPostgresCluster();
  process.env.TANDEM_TEST_PG_URL = cluster.adminUrl;
}

export function teardown(): void {
  cluster?.stop();
}
