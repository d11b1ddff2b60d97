import type { CliIo } from "../io";
import { withDatabase } from "../context";
import { renderMissingHtml } from "@/lib/incidents/rendered";

export async function migrateCommand(_args: string[], io: CliIo) {
  // Opening the database applies every pending migration; Markdown older than its stored HTML is rendered.
  await withDatabase(io, async (opened, config) => {
    const rendered = await renderMissingHtml(opened.db);
    io.out(`Database ${config.databasePath} is up to date.${rendered ? ` Rendered the Markdown of ${rendered} incidents and updates.` : ""}`);
  });
}
