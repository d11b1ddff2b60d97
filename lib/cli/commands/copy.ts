import { parseArgs } from "node:util";
import { connectDatabase } from "@/db/client";
import { copyDatabase, countRows, nonEmptyTables } from "@/db/queries/copy";
import { databaseTargetOf, databaseUrlProblem, describeTarget } from "@/db/url";
import { UsageError, type CliIo } from "../io";
import { connectionOptions, withDatabase } from "../context";

const USAGE = "copy --to URL";

/**
 * Copies the whole Tandem in DATABASE_URL (services, history, people, tokens, integrations, wall links,
 * audit log) into an empty database at URL, of either engine, and prints both sides' row counts: how a
 * team moves from SQLite to PostgreSQL (or back).
 */
export async function copyCommand(args: string[], io: CliIo) {
  let to: string | undefined;
  try {
    ({ values: { to } } = parseArgs({ args, options: { to: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (usage: ${USAGE})`);
  }
  if (!to) throw new UsageError(`name the database to copy into (usage: ${USAGE})`);
  const problem = databaseUrlProblem(to);
  if (problem) throw new UsageError(`--to ${problem}`);
  const destination = databaseTargetOf(to);
  await withDatabase(io, async ({ db: source }, config) => {
    if (describeTarget(destination) === describeTarget(config.database)) throw new UsageError("--to names the database being copied; name another one");
    let target;
    try {
      ({ db: target } = await connectDatabase(destination, connectionOptions(config)));
    } catch (e) {
      throw new UsageError(`cannot open ${describeTarget(destination)}: ${(e as Error).message}`);
    }
    try {
      const full = await nonEmptyTables(target);
      if (full.length) throw new UsageError(`${describeTarget(destination)} is not empty (${full.join(", ")} hold rows); copy only into an empty database`);
      const from = await copyDatabase(source, target, (table) => io.err(`Copying ${table}…`));
      const into = await countRows(target.read);
      io.out(`Copied ${describeTarget(config.database)} to ${describeTarget(destination)}.`);
      io.out(["table", "source", "target"].join("\t"));
      from.forEach((c, i) => io.out([c.table, c.rows, into[i]!.rows].join("\t")));
    } finally {
      await target.close();
    }
  });
}
