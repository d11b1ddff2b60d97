import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { serverCommand } from "@/lib/cli/server-command";
import { ADMIN_TOKEN_FILE, E2E_DB, E2E_PORT, INGEST_TOKEN_FILE, READ_TOKEN_FILE, LANGUAGE_USER, TEST_USERS, WALL_LINK_FILE, ZH_WALL_LINK_FILE } from "./users";

/**
 * The browser tests' server: a throw-away database with demo data and one user per role, served by
 * the production server on the build, exactly as users run it.
 */
const env = { ...process.env, DATABASE_URL: `file:${E2E_DB}`, TANDEM_DEMO: "off", PORT: String(E2E_PORT) };
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(E2E_DB + suffix, { force: true });
fs.mkdirSync(path.dirname(E2E_DB), { recursive: true });

const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l), env, interactive: false };
const run = async (...argv: string[]) => {
  const code = await runCli(argv, io);
  if (code !== 0) throw new Error(`tandem ${argv[0]} failed with ${code}`);
};
await run("seed", "--demo", "--days", "90", "--seed", "7");
for (const [role, u] of Object.entries(TEST_USERS)) {
  await run("user", "add", "--email", u.email, "--name", u.name, "--role", role, "--password", u.password);
}
await run("user", "add", "--email", LANGUAGE_USER.email, "--name", LANGUAGE_USER.name, "--role", LANGUAGE_USER.role, "--password", LANGUAGE_USER.password);

/** Runs a command whose last line is a credential, and keeps that line in `file` for the specs. */
const keep = async (file: string, ...argv: string[]) => {
  if ((await runCli(argv, { ...io, out: (l) => fs.writeFileSync(file, l) })) !== 0) throw new Error(`tandem ${argv.join(" ")} failed`);
};
// Tokens of each role and a wall link, for specs that call the API or check who may call what.
await keep(READ_TOKEN_FILE, "token", "create", "--name", "e2e reader", "--role", "read");
await keep(INGEST_TOKEN_FILE, "token", "create", "--name", "e2e ingest", "--role", "ingest");
await keep(ADMIN_TOKEN_FILE, "token", "create", "--name", "e2e admin", "--role", "admin");
await keep(WALL_LINK_FILE, "wall-link", "create", "--name", "e2e wall");
await keep(ZH_WALL_LINK_FILE, "wall-link", "create", "--name", "上海大屏", "--locale", "zh-CN");
// Integration 1, so every page (its settings page included) has something to show to the axe sweep.
await run("integration", "add", "--source", "alertmanager", "--name", "e2e alertmanager");
// Channel 1, for the same reason; nothing listens on port 9, so its messages wait in the outbox.
await run("channel", "add", "--kind", "slack", "--name", "e2e slack", "--target", "http://127.0.0.1:9/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX", "--events", "incident.declared");

const { command, args } = serverCommand(E2E_PORT, "127.0.0.1");
const server = spawn(command, args, { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
