import type { CliIo } from "../io";
import { describeTarget } from "@/db/url";
import { withDatabase } from "../context";

export async function migrateCommand(_args: string[], io: CliIo) {
  // Opening the database applies every pending migration (on PostgreSQL once, under a lock).
  await withDatabase(io, (_connected, config) => io.out(`Database ${describeTarget(config.database)} is up to date.`));
}
