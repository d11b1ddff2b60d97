import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { execute } from "@/db/raw";
import { getSetting } from "@/db/queries/settings";
import { freshDatabase } from "@/db/test/engine";
import { HealthCheck, WRITE_PROOF_MS } from "./health";

const closes: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closes.splice(0)) await close();
});

async function database() {
  const made = await freshDatabase();
  closes.push(made.close);
  return made.db;
}

describe("the health check", () => {
  it("is ok when the database reads and writes, and proves the write at most once per WRITE_PROOF_MS", async () => {
    const db = await database();
    let now = 1_000_000;
    const health = new HealthCheck(() => now);
    expect(await health.check(db)).toEqual({ status: "ok" });
    expect(await getSetting(db.read, "health.last_write")).toBe("1000000");
    now += WRITE_PROOF_MS - 1;
    expect(await health.check(db)).toEqual({ status: "ok" });
    expect(await getSetting(db.read, "health.last_write")).toBe("1000000");
    now += 1;
    expect(await health.check(db)).toEqual({ status: "ok" });
    expect(await getSetting(db.read, "health.last_write")).toBe(String(now));
  });

  it("says the database is read-only when writes fail though reads work, and checks again next time", async () => {
    const db = await database();
    // A trigger that refuses the probe's write stands in for a full disk or a read-only replica.
    const refuse =
      db.engine === "sqlite"
        ? sql`create trigger refuse_probe before update on settings begin select raise(abort, 'disk full'); end`
        : sql`create function refuse_probe() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$; create trigger refuse_probe before insert or update on settings for each row execute function refuse_probe()`;
    let now = 1_000_000;
    const health = new HealthCheck(() => now);
    expect(await health.check(db)).toEqual({ status: "ok" });
    await db.transaction((tx) => execute(tx, refuse));
    now += WRITE_PROOF_MS;
    expect(await health.check(db)).toEqual({ status: "error", problem: "read-only" });
    expect(await health.check(db)).toEqual({ status: "error", problem: "read-only" });
  });

  it("says the database is unreachable when it cannot even read", async () => {
    // What a pool gives while its server is down: every query fails.
    const refused = () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    };
    const down = { read: new Proxy({}, { get: () => refused }), transaction: refused } as unknown as Database;
    expect(await new HealthCheck().check(down)).toEqual({ status: "error", problem: "unreachable" });
  });
});
