import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type OpenedDatabase, type Queryable, type SqliteDatabase } from "@/db/client";
import { tempDir } from "@/db/test/temp-db";
import { createApiToken } from "@/lib/auth/tokens";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { deploymentPostSchema, type DeploymentPost } from "@/lib/ingest/schema";
import { GroupCommit } from "./group-commit";

const post = (fields: Record<string, unknown>): DeploymentPost =>
  deploymentPostSchema.parse({ service: "web", status: "success", finishedAt: "2026-11-20T10:00:00Z", ...fields });

let t: ReturnType<typeof tempDir>;
let opened: OpenedDatabase;
let observer: Database.Database;
let actor: string;
beforeEach(async () => {
  t = tempDir();
  opened = openDatabase(t.file);
  actor = `Bearer ${(await createApiToken(opened.db, CLI_ACTOR, { name: "ci", role: "ingest" })).token}`;
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
  const seen = { commits: 0 };
  let depth = 0;
  const wrapped = Object.create(db, {
    transaction: {
      value: (run: (tx: Queryable) => Promise<unknown>) =>
        real(async (tx) => {
          if (depth++ === 0) seen.commits++;
          try {
            const result = await run(tx);
            if (depth === 1 && failAtCommit) throw new Error("SQLITE_FULL: database or disk is full");
            return result;
          } finally {
            depth--;
          }
        }),
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
  });

  it("refuses one post without losing the others, and later posts see earlier ones of the group", async () => {
    const writer = new GroupCommit(opened.db);
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

  it("checks each post's token inside the group: a bad one is refused alone", async () => {
    const reader = `Bearer ${(await createApiToken(opened.db, CLI_ACTOR, { name: "dashboards", role: "read" })).token}`;
    const writer = new GroupCommit(opened.db);
    const replies = await Promise.all([
      writer.record(actor, post({ externalId: "one" })),
      writer.record("Bearer tdm_unknown", post({ externalId: "two" })),
      writer.record(reader, post({ externalId: "three" })),
      writer.record(null, post({ externalId: "four" })),
      writer.record(actor, post({ externalId: "five" })),
    ]);
    expect(replies.map((r) => r.status)).toEqual([201, 401, 403, 401, 201]);
    expect(replies[1]!.headers).toEqual({ "WWW-Authenticate": "Bearer" });
    expect(externalIds()).toEqual(["one", "five"]);
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

  it("starts a new group for posts that arrive after a group was committed", async () => {
    const { db, seen } = counting(opened.db);
    const writer = new GroupCommit(db);
    await writer.record(actor, post({ externalId: "one" }));
    await writer.record(actor, post({ externalId: "two" }));
    expect(seen.commits).toBe(2);
    expect(externalIds()).toEqual(["one", "two"]);
  });
});
