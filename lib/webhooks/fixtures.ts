import fs from "node:fs";
import path from "node:path";

/** The shared real payloads (../shared/fixtures/webhooks), for tests. */
export function fixture(source: string, name: string): unknown {
  return JSON.parse(fixtureText(source, name));
}

export function fixtureText(source: string, name: string): string {
  return fs.readFileSync(path.join(process.cwd(), "..", "shared", "fixtures", "webhooks", source, name), "utf8");
}
