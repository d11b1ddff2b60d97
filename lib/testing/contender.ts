import readline from "node:readline";
import type { IncidentStatus } from "@/db/schema";
import { connectDatabase, isSqlite } from "@/db/client";
import { databaseTargetOf } from "@/db/url";
import type { UserActor } from "@/lib/auth/actor";
import { decideChange } from "@/lib/changes/decide";
import { AppError } from "@/lib/errors";
import { moveIncident } from "@/lib/incidents/respond";

/**
 * Child process for the concurrency tests: its own connection to the database a DATABASE_URL-style
 * argument names (file:… or postgres://…), as a second server process or the CLI would have. Says "ready", waits for "go" so all contenders start together, then runs its
 * operations and prints one JSON line with each outcome.
 */
export type Operation = { kind: "move"; incidentId: number; to: IncidentStatus } | { kind: "decide"; changeId: number; decision: "approved" | "rejected" };
export type Outcome = { ok: true } | { ok: false; code: string; message: string };

const [url, actorJson, operationsJson] = process.argv.slice(2);
const actor = JSON.parse(actorJson!) as UserActor;
const operations = JSON.parse(operationsJson!) as Operation[];
const { db } = await connectDatabase(databaseTargetOf(url!), { migrate: false });
// Six processes taking turns at one SQLite writer lock, on two cores busy with other test files: a turn
// can take longer than the 5 s a server waits (it failed "database is locked" at a slow hour). What these
// tests check is the order and the audit of the moves, not how long a writer waits, so wait for the turn.
if (isSqlite(db)) db.sqlite.pragma("busy_timeout = 60000");

async function run(op: Operation): Promise<Outcome> {
  try {
    if (op.kind === "move") await moveIncident(db, actor, op.incidentId, op.to);
    else await decideChange(db, actor, op.changeId, op.decision, `${op.decision} by ${actor.id}`);
    return { ok: true };
  } catch (e) {
    // Anything but a refusal the rules give (AppError) is what these tests look for.
    return { ok: false, code: e instanceof AppError ? e.code : "crash", message: e instanceof Error ? e.message : String(e) };
  }
}

process.stdout.write("ready\n");
readline.createInterface({ input: process.stdin }).once("line", () => {
  void runAll();
});

/** One after another, as one process's requests would be; the contention is between the processes. */
async function runAll() {
  const outcomes: Outcome[] = [];
  for (const op of operations) outcomes.push(await run(op));
  process.stdout.write(JSON.stringify(outcomes) + "\n");
  process.exit(0);
}
