import fs from "node:fs";
import path from "node:path";

/**
 * The database holds the session secret, the live sessions and the sealed webhook secrets, and so does
 * every backup: only the account that runs Tandem may read them. Modes are set with chmod after
 * creating, so a permissive umask cannot widen them.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/** Creates the folders leading to `dir` that are missing, each 0700; folders that exist keep their mode. */
export function makePrivateFolders(dir: string): void {
  const target = path.resolve(dir);
  const first = fs.mkdirSync(target, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (first === undefined) return;
  for (let folder = target; ; folder = path.dirname(folder)) {
    fs.chmodSync(folder, PRIVATE_FOLDER_MODE);
    if (folder === first) return;
  }
}

/** Creates an empty file 0600 unless one exists (then false): never two creators, nothing overwritten. */
export function createPrivateFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Narrows a database and its WAL and shared-memory files to 0600 where they are wider: those of a
 * version of Tandem that left them 0644, or a backup copied in. Files of another account are left
 * alone (only their owner may change their mode).
 */
export function keepDatabasePrivate(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file + suffix);
    } catch {
      continue;
    }
    // Only files: DATABASE_URL=file:/etc, run as root, once made /etc 0600 and every other account blind.
    if (!stat.isFile()) continue;
    if ((stat.mode & 0o777) !== PRIVATE_FILE_MODE && stat.uid === process.getuid?.()) fs.chmodSync(file + suffix, PRIVATE_FILE_MODE);
  }
}

/** A database path that names a folder (or a device) is refused before anything else touches it. */
export function refuseNonFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return;
  }
  if (!stat.isFile()) throw new Error(`${file} is ${stat.isDirectory() ? "a folder" : "not a regular file"}; name the database file inside it, e.g. file:${path.join(file, "tandem.db")}`);
}
