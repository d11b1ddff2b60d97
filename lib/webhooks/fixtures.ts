import fs from "node:fs";
import path from "node:path";

/**
 * The shared real payloads live in shared/fixtures/webhooks beside the checkout (CI puts shared/ next
 * to its clone); look upwards from the working directory so any checkout location works.
 */
export function fixturesDir(source: string): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared", "fixtures", "webhooks");
    if (fs.existsSync(candidate)) return path.join(candidate, source);
    if (path.dirname(dir) === dir) throw new Error("shared/fixtures/webhooks not found beside the checkout");
  }
}

export function fixture(source: string, name: string): unknown {
  return JSON.parse(fixtureText(source, name));
}

export function fixtureText(source: string, name: string): string {
  return fs.readFileSync(path.join(fixturesDir(source), name), "utf8");
}
