import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

/** Where the compiled server goes: beside the Next build it serves. */
const COMPILED = path.join(".next", "tandem", "server.mjs");

/**
 * Compiles app/_server/main.ts to one plain ES module (dependencies stay in node_modules). Running it
 * through a TypeScript loader instead cost ~100 MB of resident memory: the loader hooks every module
 * Next loads. Takes well under a second, so it is redone on every start and never goes stale.
 */
function compileServer(): string {
  const outfile = path.join(process.cwd(), COMPILED);
  const [compiled] = buildSync({
    entryPoints: [path.join(process.cwd(), "app", "_server", "main.ts")],
    outfile,
    write: false,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  }).outputFiles;
  // Servers may start side by side (the browser tests do): each writes its own file and renames it
  // into place, so none ever runs a half-written one.
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, compiled!.contents);
  fs.renameSync(temporary, outfile);
  return outfile;
}

/**
 * Garbage collection tuned for a server whose live heap is small (~50-65 MB) but which makes a lot of
 * short-lived garbage in bursts (a batch of 1,000 deployments, a cold metrics report): by default V8 let
 * the heap grow to three times what was live before collecting it, and kept 16 MB semi-spaces. Growing
 * by 40 % and 4 MB semi-spaces cut peak resident memory in the bench's workload from 382 MB to 250 MB
 * with no loss of ingestion rate. Since the pages grew (the async layer, two languages), the full bench
 * peaked at 300-317 MB at 40 % in five runs, each time while the wall refreshes after a write; at 30 %
 * it peaked at 296 MB (at 25 %, 291 MB, but cold metrics slowed), reads and ingestion within the day's
 * run-to-run spread. Neither caps the heap, so a large request can never run out of memory.
 */
const V8_FLAGS = ["--heap-growing-percent=30", "--max-semi-space-size=4"];

/**
 * The command that serves the production build, for `npm start`, the browser tests' servers and the
 * bench alike, so all of them measure and test the server users run.
 */
export function serverCommand(port: number, hostname?: string): { command: string; args: string[] } {
  return { command: process.execPath, args: [...V8_FLAGS, compileServer(), "--port", String(port), ...(hostname ? ["--hostname", hostname] : [])] };
}
