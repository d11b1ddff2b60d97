import { connectDatabase, type Connected } from "@/db/client";
import { describeTarget, type DatabaseTarget } from "@/db/url";
import { ConfigError, parseConfig, type Config } from "@/lib/config/config";
import { UsageError, messageLine, type CliIo } from "./io";

/** The configuration of one command; a problem with it is the command's usage error. */
export function commandConfig(io: CliIo): Config {
  try {
    return parseConfig(io.env);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** The options connectDatabase takes from the configuration. */
export function connectionOptions(config: Config) {
  return { poolSize: config.databasePool, statementTimeoutMs: config.databaseTimeoutMs };
}

/**
 * Opens (and migrates) the configured database, running `prepare` under its start lock. Not reaching it is
 * for the person to fix (the URL, the server, the folder), so the CLI and `npm start` both say so in one
 * line naming DATABASE_URL; a failure inside `prepare` is not about the URL and keeps its own error.
 */
export async function openConfiguredDatabase(config: Config, prepare?: (connected: Connected) => Promise<void>): Promise<Connected> {
  let opened = false;
  try {
    return await connectDatabase(config.database, {
      ...connectionOptions(config),
      prepare: async (connected) => {
        opened = true;
        await prepare?.(connected);
      },
    });
  } catch (e) {
    if (opened) throw e;
    throw new UsageError(`DATABASE_URL: cannot open the database ${describeTarget(config.database)}: ${messageLine(e)}`);
  }
}

/** Opens (and migrates) the configured database for one command and always closes it afterwards. */
export async function withDatabase<T>(io: CliIo, run: (connected: Connected, config: Config) => Promise<T> | T): Promise<T> {
  const config = commandConfig(io);
  const connected = await openConfiguredDatabase(config);
  try {
    return await run(connected, config);
  } finally {
    await connected.db.close();
  }
}

/** The SQLite file a file-level command (backup, restore) works on; PostgreSQL has its own tools for that. */
export function sqliteFileFor(command: "backup" | "restore", target: DatabaseTarget): string {
  if (target.engine === "sqlite") return target.file;
  const tool = command === "backup" ? "pg_dump" : "pg_restore";
  throw new UsageError(`${command} works on the embedded SQLite database; DATABASE_URL names PostgreSQL, so use ${tool} (e.g. ${tool === "pg_dump" ? "pg_dump --format=custom --file=tandem.dump" : "pg_restore --clean --dbname=…"} "$DATABASE_URL")`);
}
