import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type pg from "pg";
import { numbered } from "@/db/postgres/statements";
import type { RowQuery } from "./ingest-load";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { serverCommand } from "@/lib/cli/server-command";

/**
 * A production server of a spec's own, on its own database and port, for tests that must kill,
 * restart or back it up without disturbing the shared test server.
 */
export class OwnServer {
  readonly file: string;
  readonly env: Record<string, string>;
  port = 0;
  private child: ChildProcess | undefined;

  /** On a SQLite file of its own, or on the database `databaseUrl` names (servers may share one). */
  constructor(name: string, databaseUrl?: string) {
    this.file = path.resolve("e2e/.tmp", `${name}-${process.pid}-${Date.now()}.db`);
    this.env = { DATABASE_URL: databaseUrl ?? `file:${this.file}`, TANDEM_DEMO: "off" };
  }

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The running server's process id (the process group's leader). */
  get pid(): number {
    if (!this.child?.pid || this.child.exitCode !== null) throw new Error("the server is not running");
    return this.child.pid;
  }

  /** Runs a CLI command in this process against the server's database; returns what it printed. */
  async cli(...argv: string[]): Promise<string[]> {
    const lines: string[] = [];
    const io: CliIo = { out: (l) => lines.push(l), err: (l) => lines.push(l), env: this.env, interactive: false };
    if ((await runCli(argv, io)) !== 0) throw new Error(`tandem ${argv.join(" ")} failed: ${lines.join(" / ")}`);
    return lines;
  }

  async token(role: "ingest" | "read" | "admin"): Promise<string> {
    return (await this.cli("token", "create", "--name", `own ${role} ${Date.now()}`, "--role", role)).at(-1)!;
  }

  /**
   * Starts the production server on a fresh random port in 4000–4999 (or on `port`, as a redeploy would) and
   * waits until it answers.
   */
  async start(port?: number): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      this.port = port ?? 4000 + Math.floor(Math.random() * 1000);
      // Its own process group, so a kill reaches the whole server.
      const { command, args } = serverCommand(this.port, "127.0.0.1");
      this.child = spawn(command, args, {
        env: { ...process.env, ...this.env, PORT: String(this.port) },
        // Its errors reach the test's output: a 500 in a spec then says why.
        stdio: ["ignore", "ignore", "inherit"],
        detached: true,
      });
      const exited = new Promise<false>((resolve) => this.child!.once("exit", () => resolve(false)));
      const ready = (async () => {
        for (let i = 0; i < 300; i++) {
          if (await fetch(`${this.base}/api/health`).then((r) => r.ok, () => false)) return true;
          await new Promise((r) => setTimeout(r, 100));
        }
        return false;
      })();
      if (await Promise.race([ready, exited])) return;
      await this.kill("SIGKILL");
    }
    throw new Error("the server did not start");
  }

  /** Kills the server's whole process group and waits until it is gone. */
  async kill(signal: "SIGKILL" | "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
    await gone;
  }

  /** The database opened read-only for assertions; the caller closes it. */
  open(file = this.file): Database.Database {
    return new Database(file, { readonly: true, fileMustExist: true });
  }

  remove(): void {
    for (const f of fs.readdirSync(path.dirname(this.file))) {
      if (f.startsWith(path.basename(this.file))) fs.rmSync(path.join(path.dirname(this.file), f), { force: true });
    }
  }
}

/** Rows of a SQLite database file for IngestLoad.problems. */
export function sqliteQuery(db: Database.Database): RowQuery {
  return async (sql, args) => db.prepare(sql).get(...args) as Record<string, number> | undefined;
}

/** Rows of a PostgreSQL database for IngestLoad.problems (`?` numbered as PostgreSQL wants). */
export function postgresQuery(client: pg.Client): RowQuery {
  return async (sql, args) => (await client.query(numbered(sql), args)).rows[0] as Record<string, number> | undefined;
}

/** The two checks SQLite offers for a database file's soundness. */
export function soundness(db: Database.Database): { integrity: unknown; foreignKeyProblems: unknown[] } {
  return { integrity: db.pragma("integrity_check", { simple: true }), foreignKeyProblems: db.pragma("foreign_key_check") as unknown[] };
}
