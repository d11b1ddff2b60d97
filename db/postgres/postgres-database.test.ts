import { sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { allRows, execute, firstRow } from "../raw";
import { postgresAvailable, postgresServer } from "../test/postgres";
import { openPostgresDatabase, type PostgresDatabase } from "./postgres-database";

describe.skipIf(!postgresAvailable)("the PostgreSQL engine", () => {
  const server = postgresServer();
  const opened: PostgresDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });

  async function open(url?: string): Promise<PostgresDatabase> {
    const db = openPostgresDatabase(url ?? (await server.fresh()), { poolSize: 4 });
    opened.push(db);
    await execute(db.read, sql`create table if not exists items (id integer primary key, n bigint not null, at bigint, ok boolean)`);
    return db;
  }
  const count = async (db: PostgresDatabase) => (await firstRow<{ n: number }>(db.read, sql`select count(*) as n from items`))!.n;

  it("gives raw rows as SQLite does: bigint and numeric as numbers, booleans as 1 and 0", async () => {
    const db = await open();
    await execute(db.read, sql`insert into items values (1, 1795185000200, null, true)`);
    const row = await firstRow<{ n: unknown; total: unknown; mean: unknown; ok: unknown }>(
      db.read,
      sql`select n, sum(n) over () as total, avg(n) over () as mean, ok from items`,
    );
    // And booleans as 1 and 0, as SQLite has them: raw rows are read by code written once for both.
    expect(row).toEqual({ n: 1795185000200, total: 1795185000200, mean: 1795185000200, ok: 1 });
  });

  it("commits, rolls back on a throw, and nests as savepoints", async () => {
    const db = await open();
    await db.transaction((tx) => execute(tx, sql`insert into items (id, n) values (1, 1)`));
    await expect(
      db.transaction(async (tx) => {
        await execute(tx, sql`insert into items (id, n) values (2, 2)`);
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    await db.transaction(async (tx) => {
      await execute(tx, sql`insert into items (id, n) values (3, 3)`);
      await expect(
        db.transaction(async (inner) => {
          await execute(inner, sql`insert into items (id, n) values (4, 4)`);
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
      expect(db.inTransaction()).toBe(true);
    });
    expect(db.inTransaction()).toBe(false);
    expect((await allRows<{ id: number }>(db.read, sql`select id from items order by id`)).map((r) => r.id)).toEqual([1, 3]);
  });

  it("runs transactions opened inside an inline one as plain parts of it: no savepoint rolls them back", async () => {
    const db = await open();
    await db.transaction(
      async (tx) => {
        await execute(tx, sql`insert into items (id, n) values (1, 1)`);
        await expect(
          db.transaction(async (inner) => {
            await execute(inner, sql`insert into items (id, n) values (2, 2)`);
            await db.transaction((deeper) => execute(deeper, sql`insert into items (id, n) values (3, 3)`));
            throw new Error("inner");
          }),
        ).rejects.toThrow("inner");
      },
      { inline: true },
    );
    const ids = async () => (await allRows<{ id: number }>(db.read, sql`select id from items order by id`)).map((r) => r.id);
    expect(await ids()).toEqual([1, 2, 3]);
    await expect(
      db.transaction(
        async () => {
          await db.transaction((inner) => execute(inner, sql`insert into items (id, n) values (4, 4)`));
          throw new Error("whole");
        },
        { inline: true },
      ),
    ).rejects.toThrow("whole");
    expect(await ids()).toEqual([1, 2, 3]);
    // Without it, the next one nests as savepoints again.
    await db.transaction(async () => {
      await expect(
        db.transaction(async (inner) => {
          await execute(inner, sql`insert into items (id, n) values (5, 5)`);
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
    });
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it("reads inside a transaction through it, and outside it only what is committed", async () => {
    const db = await open();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inside = -1;
    const writing = db.transaction(async (tx) => {
      await execute(tx, sql`insert into items (id, n) values (1, 1)`);
      inside = await count(db);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await count(db)).toBe(0);
    release();
    await writing;
    expect(inside).toBe(1);
    expect(await count(db)).toBe(1);
  });

  it("reads a snapshot as it was when it began while others commit, and writes nothing through it", async () => {
    const db = await open();
    await execute(db.read, sql`insert into items (id, n) values (1, 1)`);
    const seen = await db.snapshot(async (read) => {
      // On another of the pool's connections, committed before the snapshot's first read of items.
      await db.transaction((tx) => execute(tx, sql`insert into items (id, n) values (2, 2)`));
      const ids = (await allRows<{ id: number }>(read, sql`select id from items order by id`)).map((r) => r.id);
      // read_only_sql_transaction, wrapped by Drizzle.
      await expect(execute(read, sql`insert into items (id, n) values (3, 3)`)).rejects.toMatchObject({ cause: { code: "25006" } });
      return ids;
    });
    expect(seen).toEqual([1]);
    expect((await allRows<{ id: number }>(db.read, sql`select id from items order by id`)).map((r) => r.id)).toEqual([1, 2]);
  });

  it("gives a snapshot's connection back to the pool out of its transaction, whether the work resolves or throws", async () => {
    const db = openPostgresDatabase(await server.fresh(), { poolSize: 1 });
    opened.push(db);
    await execute(db.read, sql`create table items (id integer primary key, n bigint not null)`);
    // On the pool's one connection: still in the snapshot's read-only transaction, it would fail.
    const write = (id: number) => db.transaction((tx) => execute(tx, sql`insert into items (id, n) values (${id}, 1)`));
    expect(await db.snapshot(async (read) => (await allRows(read, sql`select id from items`)).length)).toBe(0);
    await write(1);
    await expect(
      db.snapshot(async () => {
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    await write(2);
    expect(await count(db)).toBe(2);
  });

  it("runs a transaction again when it loses a race, so read-then-write rules hold across servers", async () => {
    const url = await server.fresh();
    const [a, b] = [await open(url), await open(url)];
    await execute(a.read, sql`insert into items (id, n) values (1, 0)`);
    // Each reads the counter and writes it plus one: without serializable isolation and the retry, two
    // racing servers would both write the same value and one increment would be lost.
    const bump = (db: PostgresDatabase) =>
      db.transaction(async (tx) => {
        const { n } = (await firstRow<{ n: number }>(tx, sql`select n from items where id = 1`))!;
        await new Promise((resolve) => setTimeout(resolve, 5));
        await execute(tx, sql`update items set n = ${n + 1} where id = 1`);
      });
    await Promise.all(Array.from({ length: 10 }, (_, i) => bump(i % 2 ? a : b)));
    expect((await firstRow<{ n: number }>(a.read, sql`select n from items where id = 1`))!.n).toBe(10);
  });

  it("runs write transactions one at a time across servers, each once: racing on the same rows costs no retries", async () => {
    const url = await server.fresh();
    const [a, b] = [await open(url), await open(url)];
    await execute(a.read, sql`insert into items (id, n) values (1, 0)`);
    let running = 0;
    let most = 0;
    let runs = 0;
    const bump = (db: PostgresDatabase) =>
      db.transaction(async (tx) => {
        runs++;
        most = Math.max(most, ++running);
        try {
          const { n } = (await firstRow<{ n: number }>(tx, sql`select n from items where id = 1`))!;
          await new Promise((resolve) => setTimeout(resolve, 5));
          await execute(tx, sql`update items set n = ${n + 1} where id = 1`);
        } finally {
          running--;
        }
      });
    await Promise.all(Array.from({ length: 12 }, (_, i) => bump(i % 2 ? a : b)));
    expect((await firstRow<{ n: number }>(a.read, sql`select n from items where id = 1`))!.n).toBe(12);
    expect([most, runs]).toEqual([1, 12]);
    // Reads outside a transaction never wait for the writer.
    await a.transaction(async () => {
      expect(await count(b)).toBe(1);
    });
  });

  it("runs a transaction again when a writer outside Tandem (which takes no lock) wins a race with it", async () => {
    const url = await server.fresh();
    const db = await open(url);
    await execute(db.read, sql`insert into items (id, n) values (1, 0)`);
    const outsider = new pg.Client({ connectionString: url });
    await outsider.connect();
    let runs = 0;
    try {
      await db.transaction(async (tx) => {
        const { n } = (await firstRow<{ n: number }>(tx, sql`select n from items where id = 1`))!;
        if (++runs === 1) await outsider.query("update items set n = n + 1 where id = 1");
        await execute(tx, sql`update items set n = ${n + 1} where id = 1`);
      });
    } finally {
      await outsider.end();
    }
    expect(runs).toBe(2);
    expect((await firstRow<{ n: number }>(db.read, sql`select n from items where id = 1`))!.n).toBe(2);
  });

  it("fails a transaction whose work swallowed a statement's error, instead of taking the ROLLBACK its COMMIT would become for success", async () => {
    const db = await open();
    await expect(
      db.transaction(async (tx) => {
        await execute(tx, sql`insert into items (id, n) values (1, 1)`);
        // Without a savepoint the failed statement ends the transaction; catching it does not revive it.
        await execute(tx, sql`insert into items (id, n) values (1, 1)`).catch(() => undefined);
      }),
    ).rejects.toThrow(/current transaction is aborted/);
    expect(await count(db)).toBe(0);
  });

  it("sends statements ahead without waiting for them; what follows in the transaction sees them", async () => {
    const db = await open();
    await db.transaction(async (tx) => {
      let answered = false;
      const ahead = execute(tx, sql`insert into items (id, n) values (1, 1)`).then(() => (answered = true));
      await db.sendAhead([ahead, undefined]);
      // Its answer cannot have come back: nothing waited for a round trip.
      expect(answered).toBe(false);
      expect((await firstRow<{ n: number }>(tx, sql`select count(*) as n from items`))!.n).toBe(1);
    });
    expect(await count(db)).toBe(1);
  });

  it("fails the whole transaction with the error of a statement sent ahead, keeping nothing", async () => {
    const db = await open();
    let after: unknown;
    await expect(
      db.transaction(async (tx) => {
        await execute(tx, sql`insert into items (id, n) values (1, 1)`);
        await db.sendAhead([execute(tx, sql`insert into items (id, n) values (1, 2)`)]);
        // What follows fails only because it did: a group of posts must not blame the next post for it.
        after = await execute(tx, sql`insert into items (id, n) values (2, 2)`).catch((error: unknown) => error);
        throw after;
      }),
      // Drizzle names the statement that failed: the one sent ahead, not the one that followed it.
    ).rejects.toThrow(/values \(1, 2\)/);
    expect(db.endsTransaction(after)).toBe(true);
    expect(await count(db)).toBe(0);
    // A failure sent ahead by the work's last statements is caught before COMMIT.
    await expect(
      db.transaction(async (tx) => {
        await execute(tx, sql`insert into items (id, n) values (3, 3)`);
        await db.sendAhead([execute(tx, sql`insert into items (id, n) values (3, 4)`)]);
      }),
    ).rejects.toThrow(/values \(3, 4\)/);
    expect(await count(db)).toBe(0);
  });

  it("gives back no connection still inside a transaction when the wait for the write lock times out", async () => {
    const url = await server.fresh();
    const db = openPostgresDatabase(url, { poolSize: 1, statementTimeoutMs: 300 });
    opened.push(db);
    await execute(db.read, sql`create table items (id integer primary key, n bigint not null)`);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      // Another server's writer holds the lock past the statement timeout.
      await other.query("select pg_advisory_lock(7216302)");
      await expect(db.transaction((tx) => execute(tx, sql`insert into items (id, n) values (1, 1)`))).rejects.toThrow(/statement timeout/);
      await other.query("select pg_advisory_unlock(7216302)");
      expect(await count(db)).toBe(0);
      await other.query("insert into items (id, n) values (2, 2)");
      // The pool's one connection reads what was committed since, not the snapshot of a BEGIN left open.
      expect(await count(db)).toBe(1);
      await db.transaction((tx) => execute(tx, sql`insert into items (id, n) values (3, 3)`));
      expect((await other.query("select count(*)::int as n from items")).rows[0].n).toBe(2);
    } finally {
      await other.end();
    }
  });

  it("tells every server's change feed about a commit, and not about a rollback", async () => {
    const url = await server.fresh();
    const [a, b] = [await open(url), await open(url)];
    const heard: string[] = [];
    b.changes.subscribe((version) => heard.push(version));
    await (b.changes as unknown as { start(): Promise<void> }).start();
    const before = b.changes.version();
    await expect(
      a.transaction(async (tx) => {
        await execute(tx, sql`insert into items (id, n) values (9, 9)`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow();
    await a.transaction((tx) => execute(tx, sql`insert into items (id, n) values (1, 1)`));
    await expect.poll(() => b.changes.version(), { timeout: 2_000 }).not.toBe(before);
    expect(heard).toHaveLength(1);
    // The writer's own feed moves as its commit returns, before any notification comes back.
    const own = a.changes.version();
    await a.transaction((tx) => execute(tx, sql`insert into items (id, n) values (2, 2)`));
    expect(a.changes.version()).not.toBe(own);
  });

  it("hears again after its listening connection is cut, and says something may have changed meanwhile", async () => {
    const url = await server.fresh();
    const [a, b] = [await open(url), await open(url)];
    const feed = b.changes as unknown as { start(): Promise<void> };
    await feed.start();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const before = b.changes.version();
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN tandem_changes' and datname = current_database() and pid <> pg_backend_pid()");
      await expect.poll(() => b.changes.version(), { timeout: 5_000 }).not.toBe(before);
      const after = b.changes.version();
      await a.transaction((tx) => execute(tx, sql`insert into items (id, n) values (1, 1)`));
      await expect.poll(() => b.changes.version(), { timeout: 5_000 }).not.toBe(after);
    } finally {
      await admin.end();
    }
  });

  it("recovers by itself when the database drops every connection (a restart, a failover)", async () => {
    const url = await server.fresh();
    const db = await open(url);
    await execute(db.read, sql`insert into items (id, n) values (1, 1)`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tandem' and datname = current_database() and pid <> pg_backend_pid()");
    } finally {
      await admin.end();
    }
    // A query may meet a connection the server already closed; the pool drops it and the next one works.
    await expect
      .poll(async () => count(db).catch(() => -1), { timeout: 5_000 })
      .toBe(1);
    await db.transaction((tx) => execute(tx, sql`insert into items (id, n) values (2, 2)`));
    expect(await count(db)).toBe(2);
  });
});
