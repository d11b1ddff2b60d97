import { count, eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/database";
import {
  changeApprovals,
  changeRequests,
  commits,
  deploymentCommits,
  deployments,
  changeTemplates,
  freezeWindows,
  incidents,
  incidentUpdates,
  services,
  user,
  type ChangeRequest,
  type Deployment,
  type Incident,
} from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { insertEvent } from "@/db/queries/timeline";
import { findTeamBySlug, insertMember, insertTeam, upsertRotation } from "@/db/queries/teams";
import { DAY_MS } from "@/lib/time";
import { changeEvent, deploymentEvent, incidentEvent } from "@/lib/timeline/events";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { planDemo, type DemoBatch, type DemoOptions } from "@/db/seed/demo-data";
import { renderedFor } from "@/lib/incidents/rendered";

export type SeedSummary = { services: number; deployments: number; incidents: number; changes: number };

/** True when nothing but users and settings exist: demo data is only ever added to an empty Tandem. */
export async function isEmptyForDemo(q: Queryable): Promise<boolean> {
  for (const t of [services, deployments, incidents, changeRequests] as const) {
    if (((await q.select({ n: count() }).from(t))[0]?.n ?? 0) !== 0) return false;
  }
  return true;
}

const d = (ms: number | null) => (ms == null ? null : new Date(ms));

/** Each demo team with three of the engineers and approvers on a weekly rotation that began four weeks ago. */
async function seedTeams(q: Queryable, teamSlugs: string[], onCall: string[], now: Date): Promise<void> {
  const startsOn = new Date(now.getTime() - 28 * DAY_MS).toISOString().slice(0, 10);
  for (const [t, slug] of [...new Set(teamSlugs)].entries()) {
    const team = (await insertTeam(q, { slug, name: slug.charAt(0).toUpperCase() + slug.slice(1), createdAt: now, updatedAt: now })) ?? (await findTeamBySlug(q, slug))!;
    for (let i = 0; i < Math.min(3, onCall.length); i++) await insertMember(q, team.id, onCall[(t + i) % onCall.length]!, now);
    await upsertRotation(q, { teamId: team.id, shiftHours: 168, handoverTime: "09:00", timeZone: "Europe/Berlin", startsOn, updatedAt: now });
  }
}

/** Writes the demo plan, one transaction per day, reporting progress as (done, total) batches. */
export async function seedDemo(db: Database, actor: Actor, options: DemoOptions, onProgress?: (done: number, total: number) => void): Promise<SeedSummary> {
  if (!(await isEmptyForDemo(db.read))) {
    throw new AppError("conflict", "the database already holds data; seed --demo only fills an empty database");
  }
  const plan = planDemo(options);
  const now = new Date(options.now);
  const serviceIds = new Map<string, number>();
  const userIds = new Map<string, string>();

  await db.transaction(async (tx) => {
    for (const s of plan.services) {
      const [row] = await tx
        .insert(services)
        .values({ slug: s.slug, name: s.name, team: s.team, description: s.description, repository: `https://git.example.com/acme/${s.slug}`, createdAt: now, updatedAt: now })
        .returning({ id: services.id });
      serviceIds.set(s.slug, row!.id);
    }
    for (const [i, p] of plan.people.entries()) {
      await tx
        .insert(user)
        .values({ id: `demo-${i + 1}`, email: p.email, name: p.name, role: p.role, emailVerified: false, createdAt: now, updatedAt: now })
        .onConflictDoNothing();
      userIds.set(p.email, (await tx.select({ id: user.id }).from(user).where(eq(user.email, p.email)).limit(1))[0]!.id);
    }
    await seedTeams(tx, plan.services.map((s) => s.team), [...userIds.entries()].filter(([email]) => plan.people.some((p) => p.email === email && (p.role === "engineer" || p.role === "approver"))).map(([, id]) => id), now);
    for (const t of plan.templates) await tx.insert(changeTemplates).values({ title: t.title, serviceId: null, team: t.team, maxRisk: t.maxRisk, description: t.description, createdAt: now });
    for (const f of plan.freezes) {
      await tx
        .insert(freezeWindows)
        .values({ name: f.name, serviceId: f.service ? serviceIds.get(f.service)! : null, startsAt: d(f.startsAt)!, endsAt: d(f.endsAt)!, reason: f.reason, createdAt: now });
    }
  });

  const keys = new Map<number, number>();
  const commitIds = new Map<string, number>();
  const summary: SeedSummary = { services: plan.services.length, deployments: 0, incidents: 0, changes: 0 };
  let done = 0;
  for (const batch of plan.batches()) {
    await db.transaction((tx) => writeBatch(tx, batch, { serviceIds, userIds, keys, commitIds }));
    summary.deployments += batch.deployments.length;
    summary.incidents += batch.incidents.length;
    summary.changes += batch.changes.length;
    onProgress?.(++done, plan.batchCount);
  }
  await db.transaction((tx) => recordAudit(tx, actor, { action: "seed.demo", entityType: "database", after: { ...summary, seed: options.seed, days: options.days } }));
  return summary;
}

type Maps = {
  serviceIds: Map<string, number>;
  userIds: Map<string, string>;
  /** Demo key → database id, for deployments, incidents and changes alike. */
  keys: Map<number, number>;
  commitIds: Map<string, number>;
};

async function writeBatch(tx: Queryable, batch: DemoBatch, m: Maps): Promise<void> {
  const ref = (key: number | null) => (key == null ? null : m.keys.get(key)!);
  const person = (email: string | null) => (email == null ? null : m.userIds.get(email)!);
  for (const c of batch.changes) {
    const [row] = await tx
      .insert(changeRequests)
      .values({
        serviceId: m.serviceIds.get(c.service)!, title: c.title, description: c.description, rollbackPlan: c.rollbackPlan,
        type: c.type, risk: c.risk, status: c.status, awaitingRetroactiveApproval: c.awaitingRetroactiveApproval,
        plannedStart: d(c.plannedStart), plannedEnd: d(c.plannedEnd), requesterId: person(c.requester), source: "seed",
        submittedAt: d(c.submittedAt), decidedAt: d(c.decidedAt), implementedAt: d(c.implementedAt),
        createdAt: d(c.createdAt)!, updatedAt: d(c.implementedAt ?? c.decidedAt ?? c.createdAt)!,
      })
      .returning() as [ChangeRequest];
    m.keys.set(c.key, row.id);
    if (c.submittedAt !== null) await insertEvent(tx, changeEvent(row, "submitted", d(c.submittedAt)!));
    const decided = c.approvals.at(-1);
    if (decided && c.status !== "pending_approval") await insertEvent(tx, changeEvent(row, decided.decision, d(decided.at)!));
    if (c.type === "standard" && c.decidedAt !== null) await insertEvent(tx, changeEvent(row, "approved", d(c.decidedAt)!));
    if (c.implementedAt !== null) await insertEvent(tx, changeEvent(row, c.status === "failed" ? "failed" : "implemented", d(c.implementedAt)!));
    if (c.status === "cancelled") await insertEvent(tx, changeEvent(row, "cancelled", d(c.createdAt + 3_600_000)!));
    for (const a of c.approvals) {
      await tx.insert(changeApprovals).values({ changeId: row.id, approverId: person(a.approver)!, decision: a.decision, comment: a.comment, createdAt: d(a.at)! });
    }
  }
  for (const dep of batch.deployments) {
    const serviceId = m.serviceIds.get(dep.service)!;
    const [row] = await tx
      .insert(deployments)
      .values({
        serviceId, environment: dep.environment, version: dep.version, status: dep.status, startedAt: d(dep.startedAt),
        finishedAt: d(dep.finishedAt), source: "seed", externalId: `demo-${dep.key}`, rollbackOfId: ref(dep.rollbackOfKey),
        unplanned: dep.unplanned, changeFailed: dep.changeFailed, changeRequestId: ref(dep.changeRequestKey),
        deployedBy: dep.deployedBy, createdAt: d(dep.startedAt)!, updatedAt: d(dep.finishedAt ?? dep.startedAt)!,
      })
      .returning() as [Deployment];
    m.keys.set(dep.key, row.id);
    await insertEvent(tx, deploymentEvent(row, dep.service));
    for (const c of dep.commits) {
      const k = `${serviceId}:${c.sha}`;
      let commitId = m.commitIds.get(k);
      if (commitId === undefined) {
        commitId = (await tx
          .insert(commits)
          .values({ serviceId, sha: c.sha, timestamp: d(c.timestamp)!, message: c.message, author: c.author })
          .returning({ id: commits.id }))[0]!.id;
        m.commitIds.set(k, commitId);
      }
      await tx.insert(deploymentCommits).values({ deploymentId: row.id, commitId });
    }
  }
  for (const i of batch.incidents) {
    const [row] = await tx
      .insert(incidents)
      .values({
        serviceId: m.serviceIds.get(i.service)!, title: i.title, severity: i.severity, status: i.status, startedAt: d(i.startedAt)!,
        acknowledgedAt: d(i.acknowledgedAt), resolvedAt: d(i.resolvedAt), causedById: ref(i.causedByKey), leadId: person(i.lead),
        summary: i.summary, summaryHtml: renderedFor(i.summary), postmortem: i.postmortem, postmortemHtml: renderedFor(i.postmortem), source: "seed", externalId: `demo-${i.key}`,
        createdAt: d(i.startedAt)!, updatedAt: d(i.resolvedAt ?? i.startedAt)!,
      })
      .returning() as [Incident];
    m.keys.set(i.key, row.id);
    await insertEvent(tx, incidentEvent({ ...row, status: "investigating" }, null, row.startedAt));
    let previous: (typeof row)["status"] = "investigating";
    for (const u of i.updates) {
      if (u.kind === "status" && u.status) {
        await insertEvent(tx, incidentEvent({ ...row, status: u.status }, previous, d(u.at)!));
        previous = u.status;
      }
      await tx.insert(incidentUpdates).values({ incidentId: row.id, kind: u.kind, status: u.status, body: u.body, bodyHtml: renderedFor(u.body), authorId: person(u.author), createdAt: d(u.at)! });
    }
  }
}
