import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../client";
import { listEvents } from "../queries/timeline";
import { allRows, execute } from "../raw";
import { postgresAvailable, postgresServer } from "../test/postgres";
import type { PostgresDatabase } from "./postgres-database";

describe.skipIf(!postgresAvailable)("the timeline's pages on PostgreSQL", () => {
  const server = postgresServer();
  let db: PostgresDatabase | undefined;
  afterAll(() => db?.close());

  it("start their index scan at the cursor: a deep page reads its own rows, not every newer one", async () => {
    db = (await connectDatabase({ engine: "postgres", url: await server.fresh() })).db as PostgresDatabase;
    await execute(db.read, sql`insert into services (slug, name, created_at, updated_at) values ('web', 'Web', 0, 0)`);
    await execute(
      db.read,
      sql`insert into timeline_events (at, type, action, service_id, summary, subject_id)
        select 1700000000000 + (n / 3) * 60000, 'deployment', 'success', (select id from services), 'Deployed', n from generate_series(1, 20000) n`,
    );
    await execute(db.read, sql`analyze timeline_events`);
    const newest = await listEvents(db.read, {}, 10_000);
    const cursor = { at: newest.at(-1)!.at.getTime(), id: newest.at(-1)!.id };

    // The statement listEvents sends for the page after 10,000 events, as the pool receives it.
    const sent: { text: string; values?: unknown[] }[] = [];
    const query = db.pool.query.bind(db.pool);
    db.pool.query = ((config: { text: string; values?: unknown[] }, values?: unknown[], ...rest: unknown[]) => {
      sent.push({ text: config.text, values: config.values ?? values });
      return (query as (...a: unknown[]) => unknown)(config, values, ...rest);
    }) as typeof db.pool.query;
    const page = await listEvents(db.read, {}, 50, cursor);
    db.pool.query = query;
    expect(page.map((e) => e.id)).toEqual((await listEvents(db.read, {}, 10_050)).slice(10_000).map((e) => e.id));

    const { text, values } = sent.at(-1)!;
    const plan = (await db.pool.query<{ "QUERY PLAN": string }>(`explain (analyze, costs off) ${text}`, values)).rows.map((r) => r["QUERY PLAN"]).join("\n");
    const removed = [...plan.matchAll(/Rows Removed by Filter: (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(plan, plan).toMatch(/Index Cond: \(at <=/);
    expect(removed, plan).toBeLessThan(50);
    expect((await allRows<{ n: number }>(db.read, sql`select count(*) as n from timeline_events`))[0]!.n).toBe(20_000);
  });
});
