import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import { serverCommand } from "@/lib/cli/server-command";

export type Server = { base: string; peakRssMb: () => number; rssMb: () => number; stop: () => Promise<void> };

/** Resident memory of a process and its descendants (a server may fork workers), in MB. */
function treeRssMb(pid: number): number {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return rss + children.reduce((sum, child) => sum + treeRssMb(child), 0);
  } catch {
    // The process exited between two reads.
    return 0;
  }
}

/** A port nobody listens on now (other servers on this machine pick theirs too). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The production server (app/_server/main.ts) on the build, with its memory sampled every 100 ms until it stops. */
export async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { command, args } = serverCommand(port, "127.0.0.1");
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, TANDEM_DEMO: "off", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), 100);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    clearInterval(sampler);
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, peakRssMb: () => peak, rssMb: () => treeRssMb(child.pid!), stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not become healthy on ${base}${log ? `:\n${log}` : ""}`);
}
