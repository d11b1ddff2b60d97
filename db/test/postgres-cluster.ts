import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { threadId } from "node:worker_threads";
import pg from "pg";

/*
 * A throw-away PostgreSQL cluster for tests and the bench: initdb in a temp folder, started on a free
 * loopback port, removed on stop. PostgreSQL refuses to run as root, so as root the binaries run as the
 * `postgres` user (Debian's package creates it); as anyone else they run as that user.
 */

const BIN_DIRS = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"];

/** Where initdb and pg_ctl are, or undefined when PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  const fromEnv = process.env.TANDEM_PG_BIN;
  if (fromEnv) return fromEnv;
  return BIN_DIRS.find((dir) => fs.existsSync(path.join(dir, "pg_ctl")));
}

export type PostgresCluster = {
  /** postgres://postgres@127.0.0.1:PORT/postgres: superuser, trust authentication on loopback. */
  adminUrl: string;
  port: number;
  stop: () => void;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runAsPostgres(binDir: string, command: string, args: string[]): void {
  const binary = path.join(binDir, command);
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  const result = spawnSync(file, argv, { encoding: "utf8", cwd: os.tmpdir() });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/** Starts a cluster tuned for throw-away use (no fsync: a crash loses the cluster, which nobody keeps). */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error("PostgreSQL is not installed (apt-get install postgresql), or set TANDEM_PG_BIN");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  fs.chmodSync(dir, 0o700);
  const data = path.join(dir, "data");
  runAsPostgres(binDir, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  runAsPostgres(binDir, "pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  let stopped = false;
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        runAsPostgres(binDir, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let databases = 0;

/**
 * A new empty database in the cluster, its URL and how to drop it. Names count up per thread: test files
 * run in worker threads of one process, each with its own count.
 */
export async function createDatabase(adminUrl: string, prefix = "tandem_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${threadId}_${++databases}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
