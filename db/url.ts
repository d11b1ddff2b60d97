import path from "node:path";

/** Where the data lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/tandem.db";

/** PostgreSQL's pool size and statement timeout when the environment names none (lib/config validates them). */
export const POSTGRES_DEFAULTS = { poolSize: 10, statementTimeoutMs: 30_000 } as const;

/** The database a DATABASE_URL names: an embedded SQLite file, or a PostgreSQL server. */
export type DatabaseTarget = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

const POSTGRES_SCHEMES = ["postgres:", "postgresql:"];

/** What is wrong with a DATABASE_URL, in words for the one line the app prints before stopping; undefined when nothing is. */
export function databaseUrlProblem(url: string): string | undefined {
  if (url.startsWith("file:")) {
    if (url.slice("file:".length).trim().length === 0) return "names no file, e.g. file:./data/tandem.db";
    return undefined;
  }
  if (POSTGRES_SCHEMES.some((scheme) => url.startsWith(scheme))) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return "is not a valid URL, e.g. postgres://tandem:secret@db.example.com:5432/tandem";
    }
    if (!parsed.hostname && !parsed.searchParams.has("host")) return "names no host, e.g. postgres://tandem:secret@db.example.com:5432/tandem";
    if (parsed.pathname.length <= 1) return "names no database, e.g. postgres://tandem:secret@db.example.com:5432/tandem";
    return undefined;
  }
  return "must be file:PATH (embedded SQLite, e.g. file:./data/tandem.db) or postgres://USER:PASSWORD@HOST:PORT/DB";
}

/** The database a valid DATABASE_URL names, a SQLite file resolved against `cwd`. */
export function databaseTargetOf(url: string, cwd = process.cwd()): DatabaseTarget {
  const problem = databaseUrlProblem(url);
  if (problem) throw new Error(`DATABASE_URL: ${problem}`);
  if (url.startsWith("file:")) return { engine: "sqlite", file: path.resolve(cwd, url.slice("file:".length).trim()) };
  return { engine: "postgres", url };
}

/** A target as people read it: the SQLite file, or the PostgreSQL server and database without the password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === "sqlite") return target.file;
  const url = new URL(target.url);
  if (url.password) url.password = "****";
  return url.toString();
}
