import { describe, expect, it, vi } from "vitest";
import { postgresAvailable, postgresServer } from "../test/postgres";
import { openPostgresDatabase } from "./postgres-database";

describe.skipIf(!postgresAvailable)("prepared statements on PostgreSQL", () => {
  const server = postgresServer();

  it("keep apart statements built by two copies of the module over one pool (the production server and Next's routes)", async () => {
    const first = (await import("./statements")).postgresStatements((prepare) => ({ one: prepare("select 1 as n") }));
    vi.resetModules();
    const second = (await import("./statements")).postgresStatements((prepare) => ({ two: prepare("select ? as n") }));
    // One connection, so both names meet on it.
    const db = openPostgresDatabase(await server.fresh(), { poolSize: 1 });
    try {
      expect(await first(db.read).one.get()).toEqual({ n: 1 });
      expect(await second(db.read).two.get("2")).toEqual({ n: "2" });
      expect(await first(db.read).one.get()).toEqual({ n: 1 });
    } finally {
      await db.close();
    }
  });
});
