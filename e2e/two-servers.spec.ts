import pg from "pg";
import { createDatabase, postgresBinDir, startPostgresCluster, type PostgresCluster } from "@/db/test/postgres-cluster";
import "@/db/postgres/types";
import { test, expect, watchCsp } from "./support/fixtures";
import { IngestLoad } from "./support/ingest-load";
import { OwnServer, postgresQuery } from "./support/own-server";

/*
 * Tandem as a platform team runs it: two production servers behind a load balancer, one PostgreSQL
 * database. What one server writes reaches the other's walls, and a server killed outright loses nothing
 * it acknowledged while the other keeps serving.
 */
test.describe.configure({ mode: "serial" });

const available = Boolean(postgresBinDir()) || Boolean(process.env.CI);

test.describe("two servers on one PostgreSQL database", () => {
  test.skip(!available, "PostgreSQL is not installed here (CI installs it)");
  let cluster: PostgresCluster;
  let url: string;
  let a: OwnServer;
  let b: OwnServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startPostgresCluster();
    url = (await createDatabase(cluster.adminUrl, "tandem_e2e")).url;
    a = new OwnServer("pg-a", url);
    b = new OwnServer("pg-b", url);
    await a.cli("migrate");
    // Both start at once on the migrated database: each prepares it under the start lock, so the first
    // admin is made once.
    await Promise.all([a.start(), b.start()]);
  });

  test.afterAll(async () => {
    await a?.kill("SIGKILL");
    await b?.kill("SIGKILL");
    cluster?.stop();
  });

  test("an incident declared through one server appears on the wall the other serves within 2 s", async ({ browser }) => {
    test.setTimeout(120_000);
    const path = (await a.cli("wall-link", "create", "--name", "Floor TV")).at(-1)!;
    const ingest = await a.token("ingest");
    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await watchCsp(tv);
    const page = await tv.newPage();
    await page.goto(`${b.base}${path}`);
    await expect(page.getByTestId("wall-freshness")).toHaveAttribute("data-state", "ok");

    const title = `Declared on server A ${Date.now()}`;
    const posted = await fetch(`${a.base}/api/v1/incidents`, {
      method: "POST",
      headers: { authorization: `Bearer ${ingest}`, "content-type": "application/json" },
      body: JSON.stringify({ title, service: "checkout-api", severity: "SEV2", startedAt: new Date().toISOString() }),
    });
    expect(posted.status).toBe(201);
    await expect(page.getByTestId("wall-incident").filter({ hasText: title })).toBeVisible({ timeout: 2_000 });
    await tv.close();
  });

  test("killing one server mid-ingestion loses no acknowledged write, and the other keeps serving", async () => {
    test.setTimeout(120_000);
    const load = new IngestLoad(() => a.base, await a.token("ingest"), "pg-kill");
    load.start();
    await expect.poll(() => load.acked.size, { timeout: 60_000, message: "acknowledged writes before the kill" }).toBeGreaterThan(5);
    await a.kill("SIGKILL");
    await load.settled();

    const read = await b.token("read");
    const health = await fetch(`${b.base}/api/health`);
    expect(health.status).toBe(200);
    const listed = await fetch(`${b.base}/api/v1/metrics`, { headers: { authorization: `Bearer ${read}` } });
    expect(listed.status).toBe(200);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect(await load.problems(postgresQuery(client))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
