import { openDatabase, type OpenedDatabase } from "@/db/client";
import { ConfigError, parseConfig, type Config } from "@/lib/config/config";
import { UsageError, type CliIo } from "./io";

/** Opens the configured database for one command and always closes it afterwards. */
export async function withDatabase<T>(io: CliIo, run: (opened: OpenedDatabase, config: Config) => Promise<T> | T): Promise<T> {
  let config: Config;
  try {
    config = parseConfig(io.env);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const opened = openDatabase(config.databasePath);
  try {
    return await run(opened, config);
  } finally {
    await opened.db.close();
  }
}
