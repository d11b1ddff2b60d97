import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import { openDatabase } from "@/db/client";
import { createPrivateFile, keepDatabasePrivate, makePrivateFolders } from "@/db/sqlite/private-files";
import { commandConfig, sqliteFileFor } from "../context";
import { UsageError, type CliIo } from "../io";

const USAGE = "restore FILE";
const JOURNAL = path.join(process.cwd(), "db", "migrations", "meta", "_journal.json");

/** The newest migration this version of Tandem knows, as drizzle records it (`created_at`). */
function newestKnownMigration(): number {
  const journal = JSON.parse(fs.readFileSync(JOURNAL, "utf8")) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Why a copy of a backup cannot become the database, or null when it can. */
function backupProblem(file: string): string | null {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    return "is not a SQLite database";
  }
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return `fails the integrity check (${String(integrity)})`;
    const migrations = db.prepare("select max(created_at) as newest from __drizzle_migrations").get() as { newest: number | null };
    if (migrations.newest === null) return "is not a Tandem database (no migrations applied)";
    if (migrations.newest > newestKnownMigration()) return "comes from a newer version of Tandem; upgrade Tandem before restoring it";
    return null;
  } catch (e) {
    return e instanceof Error && /no such table|not a database/.test(e.message) ? "is not a Tandem database" : `cannot be read (${e instanceof Error ? e.message : String(e)})`;
  } finally {
    db.close();
  }
}

/**
 * Takes the database for this process alone, or says who has it. In WAL mode every open connection
 * holds a shared lock for its whole life, so an exclusive lock proves the server is stopped; the
 * lock is held until the checkpoint has moved the WAL into the file being set aside.
 */
function setAside(live: string, aside: string): void {
  const db = new Database(live, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } catch (e) {
    db.close();
    if (e instanceof Error && "code" in e && e.code === "SQLITE_BUSY") throw new UsageError("the database is in use: stop Tandem (and any other program using it), then restore again");
    throw e;
  }
  db.close();
  fs.renameSync(live, aside);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(live + suffix, { force: true });
}

/**
 * Replaces the database with a backup, offline: the backup is checked on a copy (never touched
 * itself), the server must be stopped, and the database replaced is kept beside it, so a restore
 * can be undone the same way.
 */
export async function restoreCommand(args: string[], io: CliIo) {
  if (args.length !== 1 || args[0]!.startsWith("-")) throw new UsageError(`name one backup file to restore (usage: ${USAGE})`);
  const live = sqliteFileFor("restore", commandConfig(io).database);
  const source = path.resolve(args[0]!);
  if (!fs.existsSync(source)) throw new UsageError(`${source} does not exist`);
  if (path.resolve(live) === source) throw new UsageError("the backup file is the database itself");
  makePrivateFolders(path.dirname(live));

  // The copy sits beside the database so the final rename is atomic (same file system).
  const incoming = `${live}.restoring-${process.pid}`;
  // Not copyFile: it gives the copy the backup's mode, which may be a hand-copied 0644. A file of this
  // name can only be left by a killed restore that had this process id.
  fs.rmSync(incoming, { force: true });
  createPrivateFile(incoming);
  try {
    await pipeline(fs.createReadStream(source), fs.createWriteStream(incoming, { flags: "r+" }));
    const problem = backupProblem(incoming);
    if (problem) throw new UsageError(`${source} ${problem}; nothing was changed`);
    const fd = fs.openSync(incoming, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    const aside = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    const hadDatabase = fs.existsSync(live);
    if (hadDatabase) {
      setAside(live, aside);
      keepDatabasePrivate(aside);
    }
    fs.renameSync(incoming, live);
    // Opening applies the migrations an older backup lacks.
    await openDatabase(live).db.close();
    io.out(`Restored ${live} from ${source}.`);
    if (hadDatabase) io.out(`The database it replaced is kept as ${aside}.`);
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(incoming + suffix, { force: true });
  }
}
