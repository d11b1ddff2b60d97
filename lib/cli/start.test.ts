import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";

const ROOT = path.join(import.meta.dirname, "..", "..");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

/**
 * `npm start`'s script, run from an empty folder: it holds no build and no `next`, so a start that went
 * on to build would stop at once, saying so on stdout, rather than build Tandem for a minute.
 */
function start(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") };
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", TSX, path.join(ROOT, "lib", "cli", "start.ts")], { cwd: t.dir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Exit status 1 and a single line on stderr that starts with `prefix` and goes on to say why; nothing built. */
function expectStopped(r: { code: number; stdout: string; stderr: string }, prefix: string) {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(prefix) && lines[0]!.length > prefix.length, lines[0]).toBe(true);
}

describe("npm start", () => {
  it("stops with one line naming DATABASE_URL, before building, when it cannot create the SQLite file", async () => {
    fs.writeFileSync(path.join(t.dir, "plain"), "");
    const file = path.join(t.dir, "plain", "tandem.db");
    expectStopped(await start(`file:${file}`), `tandem: DATABASE_URL: cannot open the database ${file}: `);
  });

  it("stops with one line naming DATABASE_URL, without its password, when PostgreSQL is not there", async () => {
    const r = await start("postgres://tandem:s3cret@127.0.0.1:1/tandem");
    expectStopped(r, "tandem: DATABASE_URL: cannot open the database postgres://tandem:****@127.0.0.1:1/tandem: ");
    expect(r.stderr).not.toContain("s3cret");
  });
});
