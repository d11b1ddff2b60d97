import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, parseConfig } from "@/lib/config/config";
import { serverCommand } from "@/lib/cli/server-command";
import { UsageError, processIo } from "./io";
import { announceAdmin, prepareDatabase } from "./prepare";

/** `npm start`: check configuration, prepare the database, build when there is no build, serve. */
async function main(): Promise<number> {
  let config;
  let prepared;
  try {
    config = parseConfig(process.env);
    // Before building: a database that cannot be opened is told at once, not after a minute's build.
    prepared = await prepareDatabase(config, processIo);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) {
      processIo.err(`tandem: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const next = path.join(process.cwd(), "node_modules", ".bin", "next");
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    processIo.out("No production build found; building Tandem (this takes a minute the first time)…");
    const build = spawnSync(next, ["build"], { stdio: "inherit" });
    if (build.status !== 0) return build.status ?? 1;
  }
  announceAdmin(processIo, prepared.admin);
  const { command, args } = serverCommand(config.port);
  const server = spawn(command, args, { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  return new Promise((resolve) => server.on("exit", (code) => resolve(code ?? 0)));
}

process.exitCode = await main();
