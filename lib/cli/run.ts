import { AppError } from "@/lib/errors";
import { UsageError, messageLine, type CliIo } from "./io";
import { migrateCommand } from "./commands/migrate";
import { seedCommand } from "./commands/seed";
import { userCommand } from "./commands/user";
import { tokenCommand } from "./commands/token";
import { backupCommand } from "./commands/backup";
import { restoreCommand } from "./commands/restore";
import { integrationCommand } from "./commands/integration";
import { wallLinkCommand } from "./commands/wall-link";
import { rebuildCommand } from "./commands/rebuild";
import { copyCommand } from "./commands/copy";
import { channelCommand } from "./commands/channel";

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<void>> = {
  migrate: migrateCommand,
  seed: seedCommand,
  user: userCommand,
  token: tokenCommand,
  backup: backupCommand,
  restore: restoreCommand,
  integration: integrationCommand,
  "wall-link": wallLinkCommand,
  rebuild: rebuildCommand,
  copy: copyCommand,
  channel: channelCommand,
};

export const HELP = `usage: npm run tandem -- <command>
  migrate                                   apply pending migrations
  seed --demo [--days N] [--services N] [--seed S]   fill an empty database with demo data
  user add --email E --name N --role R --password P  create a user (viewer|engineer|approver|admin)
  token create --name N --role R            create an API token (ingest|read|admin)
  backup FILE                               consistent online copy of the database
  restore FILE                              replace the database with a backup (Tandem stopped); keeps the old one
  integration add --source S --name N [--secret X]   create a webhook integration; prints its path, then its secret
  wall-link create --name N [--team T] [--expires ISO]   create a read-only wall link; prints its path
  rebuild                                   recompute the figures' rollups from their rules (after a rule changed)
  copy --to URL                             copy everything into an empty database (file:… or postgres://…)
  channel add --kind webhook|slack|teams|email --name N --target URL_OR_ADDRESS [--events a,b] [--team T]
                                            create a notification channel; a webhook's signing secret alone on the last line`;

/** Runs one command; returns the exit status. Errors become one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === "help" || name === "--help") {
    io.out(HELP);
    return 0;
  }
  try {
    if (!name) throw new UsageError(`name a command: ${Object.keys(COMMANDS).join(", ")} (npm run tandem -- help lists them)`);
    // Own keys only: "constructor" would otherwise find Object and run it as a command.
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"; run "npm run tandem -- help" for the list`);
    await command(args, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof AppError) {
      io.err(`tandem: ${e.message}`);
      return 1;
    }
    io.err(`tandem: ${messageLine(e)}`);
    return 2;
  }
}
