import { and, asc, eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, changeApprovals, timelineEvents, user, type ChangeRequest } from "@/db/schema";
import { findChange } from "@/db/queries/changes";
import { contend } from "@/lib/testing/contend";
import type { Operation } from "@/lib/testing/contender";
import { freshDatabase } from "@/db/test/engine";
import type { UserActor } from "@/lib/auth/actor";
import { changeCreateSchema } from "@/lib/changes/schema";
import { requiredApprovals } from "./policy";
import { submitChange } from "./submit";

const closes: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closes.splice(0)) await close();
});

const APPROVERS = 6;

describe("approvals from many processes at once", () => {
  it("give each change one outcome the policy allows, with every accepted decision audited once", async () => {
    const { url, db, close } = await freshDatabase();
    closes.push(close);
    const now = new Date();
    const person = async (id: string, role: UserActor["role"]): Promise<UserActor> => {
      await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role, createdAt: now, updatedAt: now }));
      return { type: "user", id, label: id, role };
    };
    const requester = await person("eng", "engineer");
    const approvers: UserActor[] = [];
    for (let w = 0; w < APPROVERS; w++) approvers.push(await person(`approver${w}`, "approver"));
    const changes: ChangeRequest[] = [];
    for (let i = 0; i < 16; i++) {
      changes.push(
        await submitChange(db, requester, "ui", changeCreateSchema.parse({ title: `Change ${i}`, service: "edge", type: "normal", risk: i % 2 ? "high" : "low", plannedStart: "2026-12-01T10:00:00Z", plannedEnd: "2026-12-01T12:00:00Z" })),
      );
    }
    const contenders = approvers.map((actor, w) => ({
      actor,
      operations: changes.map((c, i): Operation => ({ kind: "decide", changeId: c.id, decision: (w + i) % 5 === 0 ? "rejected" : "approved" })),
    }));
    const outcomes = await contend(url, contenders);

    expect(outcomes.flat().filter((o) => !o.ok && o.code !== "conflict")).toEqual([]);
    for (const [i, change] of changes.entries()) {
      const accepted = outcomes.filter((list) => list[i]!.ok).length;
      const decisions = await db.read.select().from(changeApprovals).where(eq(changeApprovals.changeId, change.id)).orderBy(asc(changeApprovals.id));
      expect(decisions).toHaveLength(accepted);
      // Replaying the accepted decisions in commit order through the policy must give the stored outcome.
      const needed = requiredApprovals(change);
      let status = "pending_approval";
      for (const [k, d] of decisions.entries()) {
        expect(status, `decision ${k + 1} of change ${change.id} came after it was closed`).toBe("pending_approval");
        if (d.decision === "rejected") status = "rejected";
        else if (decisions.slice(0, k + 1).filter((x) => x.decision === "approved").length === needed) status = "approved";
      }
      expect((await findChange(db.read, change.id))!.status).toBe(status);
      expect(status).not.toBe("pending_approval");
      const audits = await db
        .read.select()
        .from(auditLog)
        .where(and(inArray(auditLog.action, ["change.approve", "change.reject"]), eq(auditLog.entityId, String(change.id))))
        .orderBy(asc(auditLog.id));
      expect(audits.map((a) => a.actorId)).toEqual(decisions.map((d) => d.approverId));
      expect(await db.read.select().from(timelineEvents).where(and(eq(timelineEvents.type, "change"), eq(timelineEvents.subjectId, change.id), eq(timelineEvents.action, status === "approved" ? "approved" : "rejected")))).toHaveLength(1);
    }
  }, 60_000);
});
