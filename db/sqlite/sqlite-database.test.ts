import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { services } from "../schema";
import { tempDir } from "../test/temp-db";
import type { Queryable } from "../database";
import { openSqliteDatabase, type SqliteDatabase } from "./sqlite-database";

let t: ReturnType<typeof tempDir>;
let database: SqliteDatabase;
beforeEach(() => {
  t = tempDir();
  database = openSqliteDatabase(t.file);
});
afterEach(async () => {
  await database.close();
  t.cleanup();
});

const now = new Date("2026-01-05T10:00:00Z");
const addService = (tx: Queryable, slug: string) => tx.insert(services).values({ slug, name: slug, createdAt: now, updatedAt: now });
const slugs = async () => (await database.read.select({ slug: services.slug }).from(services).orderBy(services.slug)).map((r) => r.slug);
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("the SQLite engine's transactions", () => {
  it("commits when the work resolves and rolls back when it throws", async () => {
    await database.transaction(async (tx) => {
      await addService(tx, "kept");
    });
    await expect(
      database.transaction(async (tx) => {
        await addService(tx, "thrown");
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await slugs()).toEqual(["kept"]);
    expect(database.sqlite.inTransaction).toBe(false);
  });

  it("runs writers one at a time, in the order they came", async () => {
    const order: string[] = [];
    const writer = (name: string) =>
      database.transaction(async (tx) => {
        order.push(`${name} begins`);
        await addService(tx, name);
        await turn();
        order.push(`${name} ends`);
      });
    await Promise.all([writer("a"), writer("b"), writer("c")]);
    expect(order).toEqual(["a begins", "a ends", "b begins", "b ends", "c begins", "c ends"]);
    expect(await slugs()).toEqual(["a", "b", "c"]);
  });

  it("never lets a read see a transaction still open elsewhere, while the transaction reads its own writes", async () => {
    let seen: string[] = [];
    let own: string[] = [];
    const writing = database.transaction(async (tx) => {
      await addService(tx, "pending");
      own = await slugs();
      await turn();
    });
    seen = await slugs();
    await writing;
    expect(seen).toEqual([]);
    expect(own).toEqual(["pending"]);
    expect(await slugs()).toEqual(["pending"]);
  });

  it("makes a transaction opened inside another a savepoint, rolled back alone", async () => {
    await database.transaction(async (tx) => {
      await addService(tx, "outer");
      await expect(
        database.transaction(async (inner) => {
          await addService(inner, "inner");
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
      await database.transaction(async (inner) => addService(inner, "second"));
      expect(database.inTransaction()).toBe(true);
    });
    expect(database.inTransaction()).toBe(false);
    expect(await slugs()).toEqual(["outer", "second"]);
  });

  it("runs transactions opened inside an inline one as plain parts of it, without savepoints", async () => {
    await database.transaction(
      async (tx) => {
        await addService(tx, "outer");
        await expect(
          database.transaction(async (inner) => {
            await addService(inner, "inner");
            // Deeper still: also part of the outermost, no savepoint at any depth.
            await database.transaction(async (deeper) => addService(deeper, "deeper"));
            throw new Error("inner");
          }),
        ).rejects.toThrow("inner");
      },
      { inline: true },
    );
    // No savepoint rolled the inner work back: the caller that catches keeps it (the group commit rolls back instead).
    expect(await slugs()).toEqual(["deeper", "inner", "outer"]);
    await expect(
      database.transaction(
        async () => {
          await database.transaction(async (inner) => addService(inner, "lost"));
          throw new Error("whole");
        },
        { inline: true },
      ),
    ).rejects.toThrow("whole");
    expect(await slugs()).toEqual(["deeper", "inner", "outer"]);
    // The next transaction nests as savepoints again.
    await database.transaction(async () => {
      await expect(
        database.transaction(async (inner) => {
          await addService(inner, "rolled back");
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
    });
    expect(await slugs()).toEqual(["deeper", "inner", "outer"]);
  });

  it("lets the next writer in after one that failed, and never leaves a transaction open", async () => {
    const failing = database.transaction(async (tx) => {
      await addService(tx, "lost");
      await turn();
      throw new Error("broken");
    });
    const next = database.transaction(async (tx) => addService(tx, "next"));
    await expect(failing).rejects.toThrow("broken");
    await next;
    expect(await slugs()).toEqual(["next"]);
    expect(database.sqlite.inTransaction).toBe(false);
  });

  it("settles statements sent ahead at once, so their failure is the work's to handle inside its savepoint", async () => {
    await database.transaction(async (tx) => {
      await addService(tx, "kept");
      await expect(database.transaction(async (inner) => database.sendAhead([addService(inner, "twice"), addService(inner, "twice")]))).rejects.toThrow(/UNIQUE/);
    });
    expect(await slugs()).toEqual(["kept"]);
  });

  it("reads a snapshot as it was when it began while another connection commits, and writes nothing through it", async () => {
    await database.transaction((tx) => addService(tx, "before"));
    const seen = await database.snapshot(async (read) => {
      // The writer's connection, not the snapshot's: committed before the snapshot's first read of services.
      await database.transaction((tx) => addService(tx, "during"));
      await expect(addService(read, "through the snapshot")).rejects.toThrow(/readonly/);
      return (await read.select({ slug: services.slug }).from(services)).map((r) => r.slug);
    });
    expect(seen).toEqual(["before"]);
    expect(await slugs()).toEqual(["before", "during"]);
  });

  it("refuses a snapshot of an in-memory database, whose one connection is the writer's", async () => {
    const memory = openSqliteDatabase(":memory:");
    try {
      await expect(memory.snapshot(async () => "read")).rejects.toThrow(/in-memory database has no snapshot/);
    } finally {
      await memory.close();
    }
  });

  it("closes both connections, so the file can be replaced", async () => {
    await slugs();
    await database.close();
    expect(() => database.sqlite.prepare("select 1")).toThrow(/not open/);
  });
});

/** SQLite names its temporary files etilqs_* and deletes each as it opens it: only an open descriptor shows one. */
const temporaryFiles = () => fs.readdirSync("/proc/self/fd").filter((fd) => linkOf(`/proc/self/fd/${fd}`).includes("etilqs_"));

/** Where a descriptor points; "" for one closed since the folder was listed (readdir's own). */
function linkOf(fd: string): string {
  try {
    return fs.readlinkSync(fd);
  } catch {
    return "";
  }
}

describe("what a savepoint must restore (the sub-journal)", () => {
  /** Inside a savepoint, changes a hundred pages that existed before: far past the 64 KiB SQLite otherwise keeps in memory. */
  const changeManyPages = () =>
    database.transaction(async () => {
      database.sqlite.exec("update pages set body = randomblob(3000)");
      return temporaryFiles();
    });
  beforeEach(() => {
    database.sqlite.exec("create table pages (body blob not null check (length(body) > 0))");
    const insert = database.sqlite.prepare("insert into pages (body) values (randomblob(3000))");
    database.sqlite.transaction(() => {
      for (let i = 0; i < 100; i++) insert.run();
    })();
  });

  it("stays in memory in everyday transactions, however many pages they change", async () => {
    expect(await database.transaction(changeManyPages)).toEqual([]);
  });

  it("goes to a temporary file in a bulk transaction (a rebuild), and back to memory in the next", async () => {
    expect((await database.transaction(changeManyPages, { bulk: true })).length).toBeGreaterThan(0);
    expect(await database.transaction(changeManyPages)).toEqual([]);
    await expect(database.transaction(async () => Promise.reject(new Error("no")), { bulk: true })).rejects.toThrow("no");
    expect(await database.transaction(changeManyPages)).toEqual([]);
  });
});
