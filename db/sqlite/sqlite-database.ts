import path from "node:path";
import BetterSqlite from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Database, Queryable, TransactionOptions } from "../database";
import * as schema from "../schema";
import { together } from "../together";
import { SqliteChangeFeed } from "./change-feed";
import { createPrivateFile, keepDatabasePrivate, makePrivateFolders, refuseNonFile } from "./private-files";
import { SerialWriter } from "./serial-writer";
import { cachePreparedStatements } from "./statement-cache";
import { WalFlusher } from "./wal-flusher";

/**
 * WAL pages (4 KiB) before a commit copies them back into the database file: 64 MiB instead of SQLite's
 * 4 MiB. Ingestion rewrites the same hot pages (the newest index leaves, today's rollups) over and over;
 * a larger checkpoint writes each once and syncs less often. Single posts on the 1M database: 1,000 ->
 * 4,000 pages, COMMIT 337 -> 243 µs, 1,990 -> 2,280 / s; 4,000 -> 16,000 pages (once the sub-journal
 * stayed in memory, so commits were most of what is left), 2,110-2,255 -> 2,273-2,446 / s in alternating
 * runs. Measured with checkpoints happening during the runs, not deferred past them; the one post whose
 * commit checkpoints waits for it, once in about 1,000: some tens of ms, about 10 since the WAL is flushed
 * in the background (wal-flusher.ts).
 */
export const WAL_CHECKPOINT_PAGES = 16_000;

/**
 * Savepoints (each post of a group, each statement that fires triggers) keep the pages they change in a
 * sub-journal, which SQLite spills from memory into a temporary file once it passes 64 KiB: a group of
 * posts changes some 150 pages, so each group opened, wrote page by page (two writes a page) and deleted
 * a file in /var/tmp, two thirds of the server's write calls. In memory it is dropped as the savepoint
 * ends. Single posts on the quick database, alternating runs: 1,640-1,776 -> 2,073-2,237 / s, write
 * calls per post 106 -> 39. Only the writer: the reader's large sorts (reports, CSV) may still spill.
 */
const UNDO_IN_MEMORY = "PRAGMA temp_store = MEMORY";
/**
 * For work that rewrites tables wholesale (migrations, rebuilding the rollups): one statement then
 * changes a table's every page, and in memory the rebuild of a 1M database peaked at 460 MB, not 238.
 */
const UNDO_ON_DISK = "PRAGMA temp_store = FILE";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

type Drizzle = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite.Database };

/** The SQLite engine's Database, with what only SQLite has. */
export type SqliteDatabase = Database & {
  readonly engine: "sqlite";
  /** The writer's connection, for what only SQLite has (pragmas, compiled statements). */
  readonly sqlite: BetterSqlite.Database;
  /** True when opening created the database file (decides whether demo data is seeded). */
  readonly created: boolean;
  readonly file: string;
  /**
   * The writer's Drizzle database, for a library that brings its own queries (better-auth's adapter): its
   * single statements run on the writer's connection outside Tandem's transactions, which on SQLite
   * never stay open across a turn of the event loop.
   */
  readonly drizzle: BetterSQLite3Database<typeof schema>;
};

/** What every connection to a Tandem database sets, the writer's and the reader's. */
function tuneConnection(sqlite: BetterSqlite.Database): void {
  // NORMAL in WAL mode: a committed transaction is in the WAL before the call returns, so it
  // survives the process being killed; only a power cut could lose the last commits.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
}

/** The writer's settings; the bench's plain-driver ceiling uses them too, so it differs from the server only in what it skips. */
export function tuneWriter(sqlite: BetterSqlite.Database): void {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  sqlite.exec(UNDO_IN_MEMORY);
  tuneConnection(sqlite);
}

function connect(file: string, options: { readonly?: boolean } = {}): BetterSqlite.Database {
  const sqlite = new BetterSqlite(file, { readonly: options.readonly ?? false });
  if (options.readonly) tuneConnection(sqlite);
  else tuneWriter(sqlite);
  sqlite.pragma("foreign_keys = ON");
  cachePreparedStatements(sqlite);
  return sqlite;
}

/**
 * Runs `work` on a read-only connection of its own that holds one read transaction throughout, so every
 * read sees the database as it was when the call began, whatever other connections commit meanwhile
 * (in WAL mode they go on writing). Until it ends the WAL cannot be checkpointed past that snapshot, and
 * grows by what is written meanwhile.
 */
export async function onSnapshot<T>(file: string, work: (connection: BetterSqlite.Database) => Promise<T>): Promise<T> {
  const connection = connect(file, { readonly: true });
  try {
    // BEGIN alone reads nothing: the first read takes the snapshot, and holds it until the transaction ends.
    connection.exec("BEGIN");
    connection.prepare("select 1 from sqlite_schema limit 1").get();
    return await work(connection);
  } finally {
    // Ends the read transaction with it.
    connection.close();
  }
}

/**
 * Opens (creating folder and file when missing, and migrating unless told not to) a SQLite database.
 * Two connections: the writer, whose transactions SerialWriter takes one at a time, and a read-only
 * reader that in WAL mode sees committed data only, so no read sees a transaction another caller left
 * open between two awaits. An in-memory database (tests) cannot be shared by two connections; there
 * `read` is the writer's connection.
 */
export function openSqliteDatabase(file: string, options: { migrate?: boolean } = {}): SqliteDatabase {
  const inMemory = file === ":memory:";
  let created = inMemory;
  if (!inMemory) {
    refuseNonFile(file);
    makePrivateFolders(path.dirname(file));
    // Created 0600 before SQLite opens it: SQLite gives the WAL and shared-memory files the database's mode.
    created = createPrivateFile(file);
    keepDatabasePrivate(file);
  }
  const sqlite = connect(file);
  const db = drizzle(sqlite, { schema }) as Drizzle;
  if (options.migrate !== false) {
    sqlite.exec(UNDO_ON_DISK);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    sqlite.exec(UNDO_IN_MEMORY);
  }
  // Compiled once each (BEGIN, COMMIT, savepoints by depth), as better-sqlite3's own transaction()
  // does, rather than parsed again by exec() for every post.
  const control = new Map<string, BetterSqlite.Statement>();
  const flusher = inMemory ? undefined : new WalFlusher(`${file}-wal`);
  const serial = new SerialWriter(
    (statement) => {
      let compiled = control.get(statement);
      if (!compiled) control.set(statement, (compiled = BetterSqlite.prototype.prepare.call(sqlite, statement)));
      compiled.run();
      if (statement === "COMMIT") flusher?.committed();
    },
    { before: UNDO_ON_DISK, after: UNDO_IN_MEMORY },
  );
  // The reader opens on first use: the CLI and most tests never read outside a transaction.
  let reading: { connection: BetterSqlite.Database; read: Queryable; changes: SqliteChangeFeed } | undefined;
  const reader = () => {
    if (!reading) {
      const connection = inMemory ? sqlite : connect(file, { readonly: true });
      reading = { connection, read: (inMemory ? db : drizzle(connection, { schema })) as Queryable, changes: new SqliteChangeFeed(connection) };
    }
    return reading;
  };
  let closed = false;
  const writer = db as Queryable;
  const database: SqliteDatabase = {
    engine: "sqlite",
    sqlite,
    created,
    file,
    drizzle: db,
    // Inside a transaction (same async context) reads go through it, so a use case sees its own writes.
    get read() {
      return serial.inside ? writer : reader().read;
    },
    transaction: <T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions) => serial.run(() => work(writer), options),
    snapshot: async <T>(work: (read: Queryable) => Promise<T>) => {
      // Its one connection is the writer's, whose transactions the work's own writes would join.
      if (inMemory) throw new Error("an in-memory database has no snapshot: it has one connection, the writer's");
      return onSnapshot(file, (connection) => work(drizzle(connection, { schema }) as Queryable));
    },
    inTransaction: () => serial.inside,
    sendAhead: async (statements) => {
      await together(statements);
    },
    endsTransaction: () => !sqlite.inTransaction,
    get changes() {
      return reader().changes;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      reading?.changes.stop();
      await flusher?.close();
      if (reading && reading.connection !== sqlite) reading.connection.close();
      sqlite.close();
    },
  };
  return database;
}
