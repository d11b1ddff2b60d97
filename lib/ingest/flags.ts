import type { Database } from "@/db/database";
import type { Deployment } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { findDeploymentById, updateDeployment } from "@/db/queries/ingest";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";

export const DEPLOYMENT_FLAGS = ["changeFailed", "unplanned"] as const;
export type DeploymentFlag = (typeof DEPLOYMENT_FLAGS)[number];

/** Marks (or unmarks) a deployment as a failed change or as unplanned; each way is its own audited act. */
export function setDeploymentFlag(db: Database, actor: Actor, id: number, flag: DeploymentFlag, value: boolean): Promise<Deployment> {
  return db.transaction(async (tx) => {
    const before = await findDeploymentById(tx, id);
    if (!before) throw notFound("deployment", id);
    if (before[flag] === value) throw new AppError("conflict", `Deployment ${id} is already ${value ? "" : "not "}${flag === "changeFailed" ? "a failed change" : "unplanned"}.`).saying(`alreadyFlagged.${flag}`, { id, value: value ? "yes" : "no" });
    const after = await updateDeployment(tx, id, { [flag]: value, updatedAt: new Date() });
    await recordAudit(tx, actor, { action: `deployment.${value ? "mark" : "unmark"}.${flag}`, entityType: "deployment", entityId: id, before, after });
    return after;
  });
}
