import type { Database } from "@/db/database";
import { probeRead, probeWrite } from "@/db/queries/health";

/**
 * How long a successful write proves the database writable. Load balancers ask every few seconds; a
 * write each time would also tell every cache and live view that something changed (the change feed
 * cannot tell a probe from data), so between writes the check only reads.
 */
export const WRITE_PROOF_MS = 10_000;

export type Health = { status: "ok" } | { status: "error"; problem: "unreachable" | "read-only" };

/** Whether the database answers reads and takes writes; a failure is never remembered, a success briefly. */
export class HealthCheck {
  private lastWrite = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  async check(db: Database): Promise<Health> {
    try {
      await probeRead(db);
    } catch {
      return { status: "error", problem: "unreachable" };
    }
    const at = this.now();
    if (at - this.lastWrite < WRITE_PROOF_MS) return { status: "ok" };
    try {
      await probeWrite(db, new Date(at));
    } catch {
      this.lastWrite = Number.NEGATIVE_INFINITY;
      return { status: "error", problem: "read-only" };
    }
    this.lastWrite = at;
    return { status: "ok" };
  }
}
