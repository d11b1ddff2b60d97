import { z } from "zod";
import type { CliIo } from "../io";
import { describeTarget } from "@/db/url";
import { parseOptions } from "../args";
import { withDatabase } from "../context";
import { renderMissingHtml } from "@/lib/incidents/rendered";

export async function migrateCommand(args: string[], io: CliIo) {
  parseOptions(args, {}, z.object({}), "migrate");
  // Opening the database applies every pending migration (on PostgreSQL once, under a lock); Markdown
  // older than its stored HTML is rendered.
  await withDatabase(io, async (connected, config) => {
    const rendered = await renderMissingHtml(connected.db);
    io.out(`Database ${describeTarget(config.database)} is up to date.${rendered ? ` Rendered the Markdown of ${rendered} incidents and updates.` : ""}`);
  });
}
