import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type OpenedDatabase, type Queryable, type SqliteDatabase } from "@/db/client";
import type { TransactionOptions } from "@/db/database";
import { tempDir } from "@/db/test/temp-db";
import { admitToken, type Admission } from "@/lib/api/endpoint";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { withApiLimit } from "@/lib/testing/api-limit";
import { RECORD_DEPLOYMENTS } from "@/lib/ingest/deployments-endpoint";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { deploymentPostSchema, type DeploymentPost } from "@/lib/ingest/schema";
import { GroupCommit } from "./group-commit";

const post = (fields: Record<string, unknown>): DeploymentPost =>
  deploymentPostSchema.parse({ service: "web", status: "success", finishedAt: "2026-11-20T10:00:00Z", ...fields });

let t: ReturnType<typeof tempDir>;
let opened: OpenedDatabase;
let observer: Database.Database;
let actor: Admission;
beforeEach(async () => {
  t = tempDir();
  opened = openDatabase(t.file);
  actor = await admitToken(opened.db, `Bearer ${(await createApiToken(opened.db, CLI_ACTOR, { name: "ci", role: "ingest" })).token}`, RECORD_DEPLOYMENTS);
  observer = new Database(t.file, { readonly: true });
});
afterEach(async () => {
  observer.close();
  await opened.db.close();
  t.cleanup();
});

/**
 * The database, counting its outermost transactions (each is one COMMIT); `failAtCommit` makes the
 * outermost one fail as it ends, as a full disk would.
 */
function counting(db: SqliteDatabase, failAtCommit = false) {
  const real = db.transaction.bind(db);
  /** Outermost transactions: how many, and which ran their nested ones inline (without savepoints). */
  const seen = { commits: 0, inline: [] as boolean[] };
  let depth = 0;
  const wrapped = Object.create(db, {
    transaction: {
      value: (run: (tx: Queryable) => Promise<unknown>, options?: TransactionOptions) =>
        real(async (tx) => {
          if (depth++ === 0) {
            seen.commits++;
            seen.inline.push(options?.inline ?? false);
          }
          try {
            const result = await run(tx);
            if (depth === 1 && failAtCommit) throw new Error("SQLITE_FULL: database or disk is full");
            return result;
          } finally {
            depth--;
          }
        }, options),
    },
  }) as SqliteDatabase;
  return { db: wrapped, seen };
}
const externalIds = () => (observer.prepare("select external_id from deployments order by id").pluck().all() as string[]);

describe("GroupCommit", () => {
  it("records posts that arrive together in one COMMIT, in arrival order", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const replies = await Promise.all(["a", "b", "c", "d", "e"].map((id) => writer.record(actor, post({ externalId: id }))));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(externalIds()).toEqual(["a", "b", "c", "d", "e"]);
    expect(seen.commits).toBe(1);
    // Recorded without a savepoint per post, as none was refused.
    expect(seen.inline).toEqual([true]);
  });

  it("refuses one post without losing the others, and later posts see earlier ones of the group", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const replies = await Promise.all([
      writer.record(actor, post({ externalId: "first" })),
      writer.record(actor, post({ externalId: "bad", rollbackOf: "missing" })),
      writer.record(actor, post({ externalId: "first", version: "2" })),
      writer.record(actor, post({ externalId: "rollback", rollbackOf: "first" })),
    ]);
    expect(replies.map((r) => r.status)).toEqual([201, 400, 200, 201]);
    expect(replies[1]!.body).toMatchObject({ error: { fields: { rollbackOf: "no deployment has externalId missing" } } });
    expect(replies[2]!.body).toMatchObject({ externalId: "first", version: "2" });
    expect(externalIds()).toEqual(["first", "rollback"]);
    const audit = observer.prepare("select count(*) from audit_log where entity_type = 'deployment'").pluck().get();
    expect(audit).toBe(3);
    // The attempt without savepoints ended at the refusal, kept nothing, and the group ran again with them.
    expect(seen.inline).toEqual([true, false]);
  });

  it("answers every post of a group 500 and keeps none of them when the COMMIT fails", async () => {
    const { db: failing } = counting(opened.db, true);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const writer = new GroupCommit(failing);
    const replies = await Promise.all(["x", "y"].map((id) => writer.record(actor, post({ externalId: id }))));
    expect(replies.map((r) => r.status)).toEqual([500, 500]);
    expect(externalIds()).toEqual([]);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it("counts each post against its token's rate limit as it arrives: one past the limit is refused alone, at once", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const replies = await withApiLimit(2, () => Promise.all(["one", "two", "three"].map((id) => writer.record(actor, post({ externalId: id })))));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 429]);
    expect(replies[2]!.headers).toMatchObject({ "Retry-After": expect.any(String) });
    expect(externalIds()).toEqual(["one", "two"]);
    // Refused before joining the group, which therefore ran once.
    expect(seen.inline).toEqual([true]);
  });

  it("counts nothing twice when a group runs again with savepoints after a refusal", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const [replies, fourth] = await withApiLimit(3, async () => {
      const group = await Promise.all([
        writer.record(actor, post({ externalId: "one" })),
        writer.record(actor, post({ externalId: "bad", rollbackOf: "missing" })),
        writer.record(actor, post({ externalId: "three" })),
      ]);
      return [group, await writer.record(actor, post({ externalId: "four" }))] as const;
    });
    expect(replies.map((r) => r.status)).toEqual([201, 400, 201]);
    expect(seen.inline).toEqual([true, false]);
    // Three requests within the limit of three, however many times their group ran; the fourth is past it.
    expect(fourth.status).toBe(429);
    expect(externalIds()).toEqual(["one", "three"]);
  });

  it("fails the whole group, keeping nothing, when a post's error ends the transaction itself", async () => {
    // RAISE(ROLLBACK) ends the transaction, as a full disk or an I/O error would: not just a savepoint.
    opened.sqlite.exec("create temp trigger disk_full before insert on deployments when new.external_id = 'boom' begin select raise(rollback, 'database or disk is full'); end");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const writer = new GroupCommit(opened.db);
    const replies = await Promise.all(["a", "boom", "c"].map((id) => writer.record(actor, post({ externalId: id }))));
    logged.mockRestore();
    expect(replies.map((r) => r.status)).toEqual([500, 500, 500]);
    expect(externalIds()).toEqual([]);
    expect(opened.sqlite.inTransaction).toBe(false);
  });

  it("gathers a post that arrives on the next turn of the event loop into the same group", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const first = writer.record(actor, post({ externalId: "early" }));
    const second = new Promise<Awaited<typeof first>>((resolve) => setImmediate(() => resolve(writer.record(actor, post({ externalId: "late" })))));
    expect((await Promise.all([first, second])).map((r) => r.status)).toEqual([201, 201]);
    expect(seen.commits).toBe(1);
  });

  /** The database, its first outermost transaction held open (before or after its work) until released. */
  function holding(at: "before work" | "after work") {
    const { db, seen } = counting(opened.db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = (work: (tx: Queryable) => Promise<unknown>) =>
      at === "before work" ? held.then(() => db.transaction(work)) : db.transaction(async (tx) => [await work(tx), await held][0]);
    const slow = Object.create(db, { transaction: { value: (work: (tx: Queryable) => Promise<unknown>) => (db.inTransaction() || seen.commits > 0 ? db.transaction(work) : first(work)) } }) as SqliteDatabase;
    return { db: slow, seen, release };
  }

  /** Posts the first deployment, then three more, each two turns of the event loop after the one before. */
  async function postsWhile(writer: GroupCommit, release: () => void) {
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const replies = [writer.record(actor, post({ externalId: "first" }))];
    for (const id of ["a", "b", "c"]) {
      await turn();
      await turn();
      replies.push(writer.record(actor, post({ externalId: id })));
    }
    release();
    return (await Promise.all(replies)).map((r) => r.status);
  }

  it("takes the posts that arrive while its transaction waits to open (another server's turn at the lock) into the group", async () => {
    const { db, seen, release } = holding("before work");
    expect(await postsWhile(new GroupCommit(db), release)).toEqual([201, 201, 201, 201]);
    expect(seen.commits).toBe(1);
    expect(externalIds()).toEqual(["first", "a", "b", "c"]);
  });

  it("gathers the posts that arrive while a group commits into the next group, not one each", async () => {
    const { db, seen, release } = holding("after work");
    expect(await postsWhile(new GroupCommit(db), release)).toEqual([201, 201, 201, 201]);
    expect(seen.commits).toBe(2);
    expect(externalIds()).toEqual(["first", "a", "b", "c"]);
  });

  it("answers the posts waiting for a transaction that never opened, and serves the next ones", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const down = Object.create(opened.db, { transaction: { value: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) } }) as SqliteDatabase;
    const writer = new GroupCommit(down);
    expect((await Promise.all(["x", "y"].map((id) => writer.record(actor, post({ externalId: id }))))).map((r) => r.status)).toEqual([500, 500]);
    logged.mockRestore();
    expect(externalIds()).toEqual([]);
  });

  it("records the same group again when its transaction runs again after a lost race", async () => {
    const real = opened.db.transaction.bind(opened.db);
    let runs = 0;
    // As the PostgreSQL engine does after a serialization failure: the work runs, is rolled back, and runs again.
    const racing = Object.create(opened.db, {
      transaction: {
        value: async (work: (tx: Queryable) => Promise<unknown>, options?: TransactionOptions) => {
          if (opened.db.inTransaction()) return real(work, options);
          runs++;
          await real(async (tx) => {
            await work(tx);
            throw new Error("could not serialize access due to read/write dependencies among transactions");
          }, options).catch(() => undefined);
          return real(work, options);
        },
      },
    }) as SqliteDatabase;
    const writer = new GroupCommit(racing);
    const replies = await Promise.all(["x", "y"].map((id) => writer.record(actor, post({ externalId: id }))));
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    expect(runs).toBe(1);
    expect(externalIds()).toEqual(["x", "y"]);
  });

  /** Posts one deployment per id, each `turns` turns of the event loop after the one before. */
  async function spaced(writer: GroupCommit, ids: string[], turns: number) {
    const replies = [];
    for (const [i, id] of ids.entries()) {
      for (let n = 0; i > 0 && n < turns; n++) await new Promise((resolve) => setImmediate(resolve));
      replies.push(writer.record(actor, post({ externalId: id })));
    }
    return (await Promise.all(replies)).map((r) => r.status);
  }

  it("lingers after a group of three until three posts have arrived, so the clients it answered share the next COMMIT", async () => {
    const { db, seen } = counting(opened.db);
    // A limit no run reaches: what ends the wait here is the third post.
    const writer = new GroupCommit(db, 60_000);
    await Promise.all(["a", "b", "c"].map((id) => writer.record(actor, post({ externalId: id }))));
    expect(await spaced(writer, ["x", "y", "z"], 5)).toEqual([201, 201, 201]);
    expect(seen.commits).toBe(2);
    expect(externalIds()).toEqual(["a", "b", "c", "x", "y", "z"]);
  });

  it("lingers no longer than its limit when fewer posts come", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db, 20);
    await Promise.all(["a", "b"].map((id) => writer.record(actor, post({ externalId: id }))));
    expect(await spaced(writer, ["alone"], 0)).toEqual([201]);
    expect(seen.commits).toBe(2);
  });

  it("never lingers for a lone client: after a group of one, a post is recorded on the next turns", { timeout: 10_000 }, async () => {
    const { db, seen } = counting(opened.db);
    // Were a group of one to linger, this would outlast the test's 10 s.
    const writer = new GroupCommit(db, 60_000);
    for (const id of ["one", "two", "three"]) await writer.record(actor, post({ externalId: id }));
    expect(seen.commits).toBe(3);
  });

  it("records a batch in a transaction of its own, not in the group of the single posts beside it", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const batch = deploymentPostSchema.parse({ deployments: ["b1", "b2"].map((externalId) => ({ service: "web", status: "success", finishedAt: "2026-11-20T10:00:00Z", externalId })) });
    const replies = await Promise.all([writer.record(actor, post({ externalId: "a" })), writer.record(actor, batch), writer.record(actor, post({ externalId: "c" }))]);
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(externalIds().sort()).toEqual(["a", "b1", "b2", "c"]);
    expect(seen.commits).toBe(2);
  });

  it("answers a refused batch with its refusal, keeping none of it, as it answers a refused single post", async () => {
    const writer = new GroupCommit(opened.db);
    const batch = deploymentPostSchema.parse({ deployments: [{ service: "web", status: "success", finishedAt: "2026-11-20T10:00:00Z", externalId: "kept-not", rollbackOf: 999 }] });
    const reply = await writer.record(actor, batch);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(JSON.stringify(reply.body)).toContain("rollbackOf");
    expect(externalIds()).toEqual([]);
  });

  it("answers 401 to the posts of a token revoked after it was let in, keeping the rest of the group and nothing of them", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const other = await admitToken(opened.db, `Bearer ${(await createApiToken(opened.db, CLI_ACTOR, { name: "other", role: "ingest" })).token}`, RECORD_DEPLOYMENTS, writer.known);
    expect(writer.known.get(other.digest)).toBeDefined();
    await revokeApiToken(opened.db, CLI_ACTOR, other.token.id);
    const replies = await Promise.all([
      writer.record(actor, post({ externalId: "kept-1" })),
      writer.record(other, post({ externalId: "revoked" })),
      writer.record(actor, post({ externalId: "kept-2" })),
    ]);
    expect(replies.map((r) => r.status)).toEqual([201, 401, 201]);
    expect(replies[1]!.body).toMatchObject({ error: { code: "unauthorized" } });
    expect(externalIds()).toEqual(["kept-1", "kept-2"]);
    // Found gone inside the group, which ran again without its post; this server reads it again next time.
    expect(seen.commits).toBe(2);
    expect(writer.known.get(other.digest)).toBeUndefined();
  });

  it("opens no transaction again when every post of a group came from a token found gone", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    const other = await admitToken(opened.db, `Bearer ${(await createApiToken(opened.db, CLI_ACTOR, { name: "other", role: "ingest" })).token}`, RECORD_DEPLOYMENTS, writer.known);
    await revokeApiToken(opened.db, CLI_ACTOR, other.token.id);
    const replies = await Promise.all(["r1", "r2"].map((id) => writer.record(other, post({ externalId: id }))));
    expect(replies.map((r) => r.status)).toEqual([401, 401]);
    expect(seen.commits).toBe(1);
    expect(externalIds()).toEqual([]);
  });

  it("never rejects when a known token's refusal cannot be checked: the refusal stands", async () => {
    const down = Object.create(opened.db, {
      read: {
        get() {
          throw new Error("the database is down");
        },
      },
    }) as typeof opened.db;
    const writer = new GroupCommit(down);
    const known = { ...actor, known: true };
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const [first, second] = await withApiLimit(1, async () => [await writer.record(known, post({ externalId: "first" })), await writer.record(known, post({ externalId: "limited" }))]);
    logged.mockRestore();
    // The first reached its group, which could not read the token; the second was past the limit.
    expect([first!.status, second!.status]).toEqual([500, 429]);
    expect(await writer.refusal(known, new Error("kept"))).toEqual(new Error("kept"));
  });

  it("answers 401 to a batch of a token revoked after it was let in, keeping none of it", async () => {
    const writer = new GroupCommit(opened.db);
    const other = await admitToken(opened.db, `Bearer ${(await createApiToken(opened.db, CLI_ACTOR, { name: "other", role: "ingest" })).token}`, RECORD_DEPLOYMENTS, writer.known);
    await revokeApiToken(opened.db, CLI_ACTOR, other.token.id);
    const batch = deploymentPostSchema.parse({ deployments: ["b1", "b2"].map((externalId) => ({ service: "web", status: "success", finishedAt: "2026-11-20T10:00:00Z", externalId })) });
    const reply = await writer.record(other, batch);
    expect(reply.status).toBe(401);
    expect(externalIds()).toEqual([]);
  });

  it("stamps a token's use inside its group, once, and not again within a minute", async () => {
    const writer = new GroupCommit(opened.db);
    const lastUsed = () => observer.prepare("select last_used_at from api_tokens where id = ?").pluck().get(actor.token.id) as number | null;
    expect(lastUsed()).toBeNull();
    await Promise.all(["a", "b"].map((id) => writer.record(actor, post({ externalId: id }))));
    const stamped = lastUsed();
    expect(stamped).toEqual(expect.any(Number));
    await writer.record(actor, post({ externalId: "c" }));
    expect(lastUsed()).toBe(stamped);
  });

  it("starts a new group for posts that arrive after a group was committed", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    await writer.record(actor, post({ externalId: "one" }));
    await writer.record(actor, post({ externalId: "two" }));
    expect(seen.commits).toBe(2);
    expect(externalIds()).toEqual(["one", "two"]);
  });
});
