import fs from "node:fs";
import path from "node:path";
import { backupSqlite } from "@/db/sqlite/backup";
import { createPrivateFile } from "@/db/sqlite/private-files";
import { UsageError, type CliIo } from "../io";
import { commandConfig, sqliteFileFor, withDatabase } from "../context";
import { startProgress } from "../progress";

const USAGE = "backup FILE";

/** SQLite's online backup API, as one snapshot: a consistent copy that finishes while the server keeps writing. */
export async function backupCommand(args: string[], io: CliIo) {
  if (args.length !== 1 || args[0]!.startsWith("-")) throw new UsageError(`name one file to write (usage: ${USAGE})`);
  const file = sqliteFileFor("backup", commandConfig(io).database);
  const target = path.resolve(args[0]!);
  if (fs.existsSync(target)) throw new UsageError(`${target} already exists; choose a new file so no backup is overwritten`);
  if (!fs.existsSync(path.dirname(target))) throw new UsageError(`folder ${path.dirname(target)} does not exist`);
  await withDatabase(io, async () => {
    if (path.resolve(file) === target) throw new UsageError("the backup file must differ from the database itself");
    // A backup holds what the database holds (session secret, sessions, sealed secrets): 0600 from the start.
    if (!createPrivateFile(target)) throw new UsageError(`${target} already exists; choose a new file so no backup is overwritten`);
    const progress = startProgress(io, "Backing up");
    try {
      await backupSqlite(file, target, progress.update);
    } catch (e) {
      fs.rmSync(target, { force: true });
      throw e;
    } finally {
      progress.stop();
    }
    io.out(`Backed up ${file} to ${target} (${fs.statSync(target).size} bytes).`);
  });
}
