import path from "node:path";

/** Where the data lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/tandem.db";

/** What is wrong with a DATABASE_URL, in words for the one line the app prints before stopping; undefined when nothing is. */
export function databaseUrlProblem(url: string): string | undefined {
  if (!url.startsWith("file:")) return "only file: URLs (embedded SQLite) are supported, e.g. file:./data/tandem.db";
  if (url.slice("file:".length).trim().length === 0) return "names no file, e.g. file:./data/tandem.db";
  return undefined;
}

/** The SQLite file a valid DATABASE_URL names, resolved against `cwd`. */
export function sqlitePathOf(url: string, cwd = process.cwd()): string {
  const problem = databaseUrlProblem(url);
  if (problem) throw new Error(`DATABASE_URL: ${problem}`);
  return path.resolve(cwd, url.slice("file:".length).trim());
}
