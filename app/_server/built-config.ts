import fs from "node:fs";
import path from "node:path";

/** Where `next build` leaves the configuration it resolved, for servers that run the build. */
const RESOLVED = path.join(".next", "required-server-files.json");

/**
 * Hands Next the configuration its build resolved, as the server Next writes for `output: "standalone"`
 * does, instead of letting it read next.config.ts again: to read a TypeScript config Next loads its SWC
 * compiler, a native library that stayed mapped for the server's life, 26 MB of its resident memory
 * (`/proc/<pid>/smaps`), in a server whose goal is 300 MB. The build's copy is the config after Next's own
 * defaults and plugins (next-intl's); what is a function in next.config.ts (headers) the build has
 * already turned into the routes manifest the server reads. A variable the environment already sets
 * wins. Without a build there is nothing to serve, and Next's own error for that says so.
 */
export function adoptBuiltConfig(dir: string, env: Record<string, string | undefined> = process.env): void {
  if (env.__NEXT_PRIVATE_STANDALONE_CONFIG) return;
  let resolved: string;
  try {
    resolved = fs.readFileSync(path.join(dir, RESOLVED), "utf8");
  } catch {
    return;
  }
  const { config } = JSON.parse(resolved) as { config: unknown };
  env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
