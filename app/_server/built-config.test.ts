import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adoptBuiltConfig } from "./built-config";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-built-config-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const build = (config: unknown) => {
  fs.mkdirSync(path.join(dir, ".next"));
  fs.writeFileSync(path.join(dir, ".next", "required-server-files.json"), JSON.stringify({ version: 1, config, files: [] }));
};

describe("the config a server hands Next", () => {
  it("is the one the build resolved", () => {
    build({ poweredByHeader: false, serverExternalPackages: ["better-sqlite3"] });
    const env: Record<string, string | undefined> = {};
    adoptBuiltConfig(dir, env);
    expect(JSON.parse(env.__NEXT_PRIVATE_STANDALONE_CONFIG!)).toEqual({ poweredByHeader: false, serverExternalPackages: ["better-sqlite3"] });
  });

  it("leaves one the environment already gives", () => {
    build({ poweredByHeader: false });
    const env: Record<string, string | undefined> = { __NEXT_PRIVATE_STANDALONE_CONFIG: '{"given":true}' };
    adoptBuiltConfig(dir, env);
    expect(env.__NEXT_PRIVATE_STANDALONE_CONFIG).toBe('{"given":true}');
  });

  it("gives none without a build, so Next reports the missing build itself", () => {
    const env: Record<string, string | undefined> = {};
    adoptBuiltConfig(dir, env);
    expect(env).toEqual({});
  });
});
