import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, actionKey, PRINCIPALS, ROUTES, routeKey } from "./access-registry";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const DIRECTIVE = /^[ \t]*["']use server["'];?[ \t]*\r?$/m;

function sourceFiles(dir: string, name: (file: string) => boolean): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .filter((f) => fs.statSync(f).isFile() && name(f))
    .sort();
}

const exportsOf = async (file: string) => Object.entries(await import(/* @vite-ignore */ path.resolve(file)));

describe("access registry", () => {
  it("lists every route handler under app/, and nothing that no longer exists", async () => {
    const found: string[] = [];
    for (const file of sourceFiles("app", (f) => /\/route\.(ts|tsx|js)$/.test(f))) {
      for (const [name] of await exportsOf(file)) if (HTTP_METHODS.includes(name)) found.push(routeKey({ file, method: name as "GET" }));
    }
    expect(ROUTES.map(routeKey).sort()).toEqual(found.sort());
  });

  it("lists every exported server action, and nothing that no longer exists", async () => {
    const found: string[] = [];
    for (const file of ["app", "lib", "components"].flatMap((dir) => sourceFiles(dir, (f) => /\.(ts|tsx)$/.test(f)))) {
      if (!DIRECTIVE.test(fs.readFileSync(file, "utf8"))) continue;
      // Registry entries name modules in app/_actions/; a directive anywhere else must be moved there first.
      expect(path.posix.dirname(file), `${file} has "use server"`).toBe("app/_actions");
      const moduleName = path.posix.basename(file).replace(/\.tsx?$/, "");
      for (const [name, value] of await exportsOf(file)) if (typeof value === "function") found.push(actionKey({ module: moduleName, name }));
    }
    expect(ACTIONS.map(actionKey).sort()).toEqual(found.sort());
  });

  it("names each entry once and only known callers", () => {
    const keys = [...ROUTES.map(routeKey), ...ACTIONS.map(actionKey)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of [...ROUTES, ...ACTIONS]) for (const p of entry.allow) expect(PRINCIPALS).toContain(p);
  });
});
