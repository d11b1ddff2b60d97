import type { CliIo } from "../io";
import { withDatabase } from "../context";

export async function migrateCommand(_args: string[], io: CliIo) {
  // Opening the database applies every pending migration.
  await withDatabase(io, (_opened, config) => io.out(`Database ${config.databasePath} is up to date.`));
}
