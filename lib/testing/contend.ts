import { spawn } from "node:child_process";
import type { UserActor } from "@/lib/auth/actor";
import type { Operation, Outcome } from "./contender";

/**
 * Runs each contender's operations in its own process on the database `url` names (as DATABASE_URL
 * does: file:… or postgres://…), all released at once; returns their outcomes.
 */
export async function contend(url: string, contenders: { actor: UserActor; operations: Operation[] }[]): Promise<Outcome[][]> {
  const children = contenders.map(({ actor, operations }) =>
    spawn(process.execPath, ["--import", "tsx", "lib/testing/contender.ts", url, JSON.stringify(actor), JSON.stringify(operations)], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const lines = children.map((child) => {
    const queue: string[] = [];
    const waiters: ((line: string) => void)[] = [];
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      for (const line of parts) (waiters.shift() ?? ((l: string) => queue.push(l)))(line);
    });
    return () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiters.push(resolve)));
  });
  const ready = await Promise.all(lines.map((next) => next()));
  if (ready.some((l) => l !== "ready")) throw new Error(`a contender did not start: ${ready.join(" / ")}`);
  for (const child of children) child.stdin.write("go\n");
  return Promise.all(lines.map(async (next) => JSON.parse(await next()) as Outcome[]));
}
