import path from "node:path";

/**
 * The command that serves a production build (lib/server/main.ts through tsx, in this Node), for
 * `npm start`, the browser tests' servers and the bench alike, so all of them measure and test the
 * server users run.
 */
export function serverCommand(port: number, hostname?: string): { command: string; args: string[] } {
  const main = path.join(process.cwd(), "lib", "server", "main.ts");
  return { command: process.execPath, args: ["--import", "tsx", main, "--port", String(port), ...(hostname ? ["--hostname", hostname] : [])] };
}
