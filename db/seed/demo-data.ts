import type { ChangeStatus, DeploymentStatus, IncidentStatus, Severity } from "../schema";
import { commitMessage, incidentTitle, INCIDENT_NOTES, POSTMORTEM } from "./demo-text";
import { DEMO_PEOPLE, profilesFor, type ServiceProfile } from "./profiles";
import { Random } from "./random";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DemoCommit = { sha: string; timestamp: number; message: string; author: string };
export type DemoDeployment = {
  key: number;
  service: string;
  environment: string;
  version: string;
  status: DeploymentStatus;
  startedAt: number;
  finishedAt: number | null;
  commits: DemoCommit[];
  rollbackOfKey: number | null;
  unplanned: boolean;
  changeFailed: boolean;
  changeRequestKey: number | null;
  deployedBy: string;
};
export type DemoIncidentUpdate = { at: number; kind: "note" | "status"; status: IncidentStatus | null; body: string; author: string };
export type DemoIncident = {
  key: number;
  service: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  startedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  causedByKey: number | null;
  lead: string | null;
  summary: string;
  postmortem: string | null;
  updates: DemoIncidentUpdate[];
};
export type DemoApproval = { approver: string; decision: "approved" | "rejected"; comment: string; at: number };
export type DemoChange = {
  key: number;
  service: string;
  title: string;
  description: string;
  rollbackPlan: string;
  type: "standard" | "normal" | "emergency";
  risk: "low" | "medium" | "high";
  status: ChangeStatus;
  awaitingRetroactiveApproval: boolean;
  plannedStart: number | null;
  plannedEnd: number | null;
  requester: string;
  createdAt: number;
  submittedAt: number | null;
  decidedAt: number | null;
  implementedAt: number | null;
  approvals: DemoApproval[];
};
export type DemoFreeze = { name: string; service: string | null; startsAt: number; endsAt: number; reason: string };
/** A standard change template of the demo catalog: for every service (no service, no team) or one team's. */
export type DemoTemplate = { title: string; team: string | null; maxRisk: "low" | "medium"; description: string };

/** One day's records, in the order they must be written (changes before the deployments naming them). */
export type DemoBatch = { changes: DemoChange[]; deployments: DemoDeployment[]; incidents: DemoIncident[] };

export type DemoOptions = { days: number; services: number; seed: number; now: number };

export type DemoPlan = {
  services: ServiceProfile[];
  people: typeof DEMO_PEOPLE;
  freezes: DemoFreeze[];
  templates: DemoTemplate[];
  /** Generated lazily, one day at a time, so a large seed never holds everything in memory. */
  batches: () => Generator<DemoBatch>;
  batchCount: number;
};

const engineers = DEMO_PEOPLE.filter((p) => p.role === "engineer").map((p) => p.email);
const approvers = DEMO_PEOPLE.filter((p) => p.role === "approver").map((p) => p.email);
const SEVERITY_WEIGHTS: [Severity, number][] = [
  ["SEV1", 0.05],
  ["SEV2", 0.2],
  ["SEV3", 0.45],
  ["SEV4", 0.3],
];

function severity(r: Random): Severity {
  let x = r.next();
  for (const [s, w] of SEVERITY_WEIGHTS) {
    if ((x -= w) < 0) return s;
  }
  return "SEV4";
}

export function planDemo(options: DemoOptions): DemoPlan {
  const services = profilesFor(options.services);
  const today = Math.floor(options.now / DAY) * DAY;
  const firstDay = today - (options.days - 1) * DAY;
  const freezes: DemoFreeze[] = [
    { name: "Black Friday freeze", service: null, startsAt: today + 4 * DAY, endsAt: today + 8 * DAY, reason: "Peak trading: only standard and emergency changes." },
    { name: "Quarter-end close", service: services[0]!.slug, startsAt: today - 40 * DAY, endsAt: today - 37 * DAY, reason: "Finance close." },
  ];
  const templates: DemoTemplate[] = [
    { title: "Dependency bump", team: null, maxRisk: "low", description: "A patch or minor version of a library, passing CI, rolled out by the usual pipeline." },
    { title: "Feature flag change", team: null, maxRisk: "low", description: "Turning a flag on or off for a share of traffic, reversible within a minute." },
    { title: "Certificate rotation", team: services[0]!.team, maxRisk: "medium", description: "Replacing a TLS certificate before it expires, following the runbook." },
  ];
  return {
    services,
    people: DEMO_PEOPLE,
    freezes,
    templates,
    batchCount: options.days + 1,
    batches: function* () {
      const g = new DemoGenerator(options, services);
      for (let day = firstDay; day <= today; day += DAY) yield g.day(day);
      yield g.showcase(today);
    },
  };
}

/** Holds the running state (keys, versions) while days are generated in order. */
class DemoGenerator {
  private readonly r: Random;
  private nextKey = 1;
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly options: DemoOptions,
    private readonly services: ServiceProfile[],
  ) {
    this.r = new Random(options.seed);
  }

  private key() {
    return this.nextKey++;
  }

  private version(service: string, bump = true): string {
    const n = (this.versions.get(service) ?? 100) + (bump ? 1 : 0);
    this.versions.set(service, n);
    return `1.${Math.floor(n / 10)}.${n % 10}`;
  }

  day(dayStart: number): DemoBatch {
    const batch: DemoBatch = { changes: [], deployments: [], incidents: [] };
    const weekday = new Date(dayStart).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    for (const s of this.services) {
      const count = this.r.poisson(s.deploysPerDay * (weekend ? 0.15 : 1.3));
      const starts = Array.from({ length: count }, () => dayStart + 7 * HOUR + this.r.next() * 11 * HOUR).sort((a, b) => a - b);
      for (const start of starts) this.deploy(batch, s, start);
      if (this.r.chance(0.012)) this.incident(batch, s, dayStart + this.r.next() * DAY, null);
    }
    return batch;
  }

  private deploy(batch: DemoBatch, s: ServiceProfile, startedAt: number) {
    const { now } = this.options;
    const finished = startedAt + this.r.int(3, 20) * MINUTE;
    if (startedAt > now) return;
    // Commits must predate the first deployment that carries them, which is staging's when there is one.
    const stagingStart = s.staging ? startedAt - this.r.int(20, 90) * MINUTE : null;
    const commits = this.commits(s, stagingStart === null ? finished : stagingStart + 6 * MINUTE);
    const version = this.version(s.slug);
    const by = this.r.pick(engineers);
    const change = this.maybeChange(batch, s, startedAt);
    if (stagingStart !== null) {
      batch.deployments.push(this.deployment(s, "staging", version, "success", stagingStart, stagingStart + 6 * MINUTE, commits, by));
    }
    const roll = this.r.next();
    const status: DeploymentStatus = finished > now ? "in_progress" : roll < 0.035 ? "failure" : roll < 0.045 ? "cancelled" : "success";
    const d = this.deployment(s, "production", version, status, startedAt, status === "in_progress" ? null : finished, commits, by);
    d.changeRequestKey = change?.key ?? null;
    if (change && (status === "success" || status === "failure")) {
      change.status = status === "success" ? "implemented" : "failed";
      change.implementedAt = d.finishedAt;
    }
    batch.deployments.push(d);
    if (status === "success" && this.r.chance(s.failureRate)) this.failChange(batch, s, d);
    else if (status === "success" && this.r.chance(0.02)) d.unplanned = true;
  }

  private deployment(
    s: ServiceProfile,
    environment: string,
    version: string,
    status: DeploymentStatus,
    startedAt: number,
    finishedAt: number | null,
    commits: DemoCommit[],
    deployedBy: string,
  ): DemoDeployment {
    return {
      key: this.key(),
      service: s.slug,
      environment,
      version,
      status,
      startedAt,
      finishedAt,
      commits,
      rollbackOfKey: null,
      unplanned: false,
      changeFailed: false,
      changeRequestKey: null,
      deployedBy,
    };
  }

  private commits(s: ServiceProfile, finished: number): DemoCommit[] {
    const n = 1 + this.r.poisson(1.6);
    return Array.from({ length: n }, () => ({
      sha: this.r.hex(40),
      timestamp: Math.round(finished - Math.max(10 * MINUTE, this.r.logNormal(s.leadHours * HOUR, 0.8))),
      message: commitMessage(this.r),
      author: this.r.pick(engineers),
    })).sort((a, b) => a.timestamp - b.timestamp);
  }

  /** Regulated services ship most production changes under an approved normal change request. */
  private maybeChange(batch: DemoBatch, s: ServiceProfile, startedAt: number): DemoChange | null {
    const regulated = s.team === "payments" || s.slug.startsWith("auth-service");
    if (!this.r.chance(regulated ? 0.5 : 0.08)) return null;
    const requester = this.r.pick(engineers);
    const created = startedAt - this.r.int(4, 60) * HOUR;
    const type = regulated ? "normal" : "standard";
    // Drawn for every change so the rest of the data stays the same; a standard change is low risk by rule.
    const drawn = this.r.pick(["low", "medium", "high"] as const);
    const risk = type === "standard" ? "low" : drawn;
    const approvals: DemoApproval[] =
      type === "standard"
        ? []
        : (risk === "high" ? approvers : [this.r.pick(approvers)]).map((approver, i) => ({
            approver,
            decision: "approved" as const,
            comment: this.r.pick(["Looks good.", "Rollback plan is clear.", "Approved for the planned window.", "OK, watch the error budget."]),
            at: created + (i + 1) * this.r.int(20, 120) * MINUTE,
          }));
    const change: DemoChange = {
      key: this.key(),
      service: s.slug,
      title: `Release ${s.name} ${this.versions.get(s.slug) ?? ""}`.trim(),
      description: "Ships the changes merged since the last release.",
      rollbackPlan: "Redeploy the previous version; no schema changes.",
      type,
      risk,
      status: "approved",
      awaitingRetroactiveApproval: false,
      plannedStart: startedAt - 30 * MINUTE,
      plannedEnd: startedAt + 2 * HOUR,
      requester,
      createdAt: created,
      submittedAt: created,
      decidedAt: approvals.at(-1)?.at ?? created,
      implementedAt: null,
      approvals,
    };
    batch.changes.push(change);
    return change;
  }

  /** A successful deployment that broke something, and how it was recovered. */
  private failChange(batch: DemoBatch, s: ServiceProfile, d: DemoDeployment) {
    const finished = d.finishedAt!;
    const mode = this.r.next();
    if (mode < 0.4) {
      const at = finished + this.r.int(8, 50) * MINUTE;
      if (at > this.options.now) return;
      const rollback = this.deployment(s, "production", this.version(s.slug, false), "success", at, at + 4 * MINUTE, [], this.r.pick(engineers));
      rollback.rollbackOfKey = d.key;
      batch.deployments.push(rollback);
      if (this.r.chance(0.5)) this.incident(batch, s, finished + this.r.int(2, 6) * MINUTE, d, at + 10 * MINUTE);
    } else if (mode < 0.8) {
      const incident = this.incident(batch, s, finished + this.r.int(5, 120) * MINUTE, d);
      if (incident?.resolvedAt) this.hotfix(batch, s, incident.resolvedAt + this.r.int(1, 12) * HOUR);
    } else {
      d.changeFailed = true;
      this.hotfix(batch, s, finished + this.r.int(1, 6) * HOUR);
    }
  }

  private hotfix(batch: DemoBatch, s: ServiceProfile, at: number) {
    if (at + 10 * MINUTE > this.options.now) return;
    const fix = this.deployment(s, "production", this.version(s.slug), "success", at, at + 7 * MINUTE, this.commits(s, at + 7 * MINUTE).slice(0, 1), this.r.pick(engineers));
    fix.unplanned = true;
    batch.deployments.push(fix);
  }

  private incident(batch: DemoBatch, s: ServiceProfile, startedAt: number, cause: DemoDeployment | null, resolveBy?: number): DemoIncident | null {
    const { now } = this.options;
    if (startedAt > now) return null;
    const sev = severity(this.r);
    const acknowledgedAt = startedAt + Math.round(Math.max(MINUTE, this.r.logNormal(5 * MINUTE, 0.7)));
    const resolvedAt = resolveBy ?? startedAt + Math.round(Math.max(15 * MINUTE, this.r.logNormal(sev === "SEV4" ? 8 * HOUR : 2 * HOUR, 0.9)));
    const lead = this.r.pick(engineers);
    const incident: DemoIncident = {
      key: this.key(),
      service: s.slug,
      title: incidentTitle(this.r, s.name),
      severity: sev,
      status: "resolved",
      startedAt,
      acknowledgedAt: acknowledgedAt <= now ? acknowledgedAt : null,
      resolvedAt,
      causedByKey: cause?.key ?? null,
      lead,
      summary: cause ? `Started shortly after ${s.name} ${cause.version} reached production.` : "Alert from monitoring; no recent deployment.",
      postmortem: sev === "SEV1" || sev === "SEV2" ? POSTMORTEM : null,
      updates: [],
    };
    const span = Math.max(resolvedAt - acknowledgedAt, 3 * MINUTE);
    const steps: IncidentStatus[] = ["identified", "monitoring", "resolved"];
    incident.updates.push({ at: acknowledgedAt, kind: "note", status: null, body: this.r.pick(INCIDENT_NOTES), author: lead });
    steps.forEach((status, i) => {
      const at = status === "resolved" ? resolvedAt : Math.round(acknowledgedAt + (span * (i + 1)) / 3);
      if (at <= now) {
        incident.status = status;
        incident.updates.push({ at, kind: "status", status, body: status === "resolved" ? "Resolved; error rates back to normal." : this.r.pick(INCIDENT_NOTES), author: lead });
      }
    });
    if (resolvedAt > now) {
      incident.resolvedAt = null;
      incident.postmortem = null;
      if (incident.status === "resolved") incident.status = "monitoring";
      if (!incident.updates.some((u) => u.kind === "status")) incident.status = "investigating";
    }
    batch.incidents.push(incident);
    return incident;
  }

  /** Guaranteed examples of every incident and change state, relative to now, whatever the random draws. */
  showcase(today: number): DemoBatch {
    const { now } = this.options;
    const svc = (i: number) => this.services[i % this.services.length]!;
    const batch: DemoBatch = { changes: [], deployments: [], incidents: [] };
    const open: [IncidentStatus, Severity, number, string][] = [
      ["investigating", "SEV2", 5, "Search results missing for some queries"],
      ["identified", "SEV3", 3, "Delayed order confirmation emails"],
      ["monitoring", "SEV4", 1, "Intermittent 429s from the API gateway"],
    ];
    for (const [status, sev, serviceIndex, title] of open) {
      const s = svc(serviceIndex);
      const startedAt = now - this.r.int(20, 90) * MINUTE;
      const ack = status === "investigating" ? null : startedAt + 4 * MINUTE;
      const lead = this.r.pick(engineers);
      batch.incidents.push({
        key: this.key(), service: s.slug, title, severity: sev, status, startedAt, acknowledgedAt: ack, resolvedAt: null,
        causedByKey: null, lead: ack ? lead : null, summary: "Customers are affected; see updates.", postmortem: null,
        updates: [
          { at: startedAt + MINUTE, kind: "note", status: null, body: "Declared from an alert.", author: lead },
          ...(status === "investigating" ? [] : [{ at: startedAt + 12 * MINUTE, kind: "status" as const, status: "identified" as const, body: "Cause identified.", author: lead }]),
          ...(status === "monitoring" ? [{ at: startedAt + 18 * MINUTE, kind: "status" as const, status: "monitoring" as const, body: "Fix deployed; monitoring.", author: lead }] : []),
        ],
      });
    }
    const sev1Start = today - 12 * DAY + 14 * HOUR;
    batch.incidents.push({
      key: this.key(), service: svc(0).slug, title: `${svc(0).name} returning 502s to all customers`, severity: "SEV1", status: "resolved",
      startedAt: sev1Start, acknowledgedAt: sev1Start + 2 * MINUTE, resolvedAt: sev1Start + 47 * MINUTE, causedByKey: null,
      lead: engineers[0]!, summary: "Total outage of checkout after a load balancer misconfiguration.", postmortem: POSTMORTEM,
      updates: [
        { at: sev1Start + 3 * MINUTE, kind: "note", status: null, body: "All checkout requests failing; paging the payments team.", author: engineers[0]! },
        { at: sev1Start + 20 * MINUTE, kind: "status", status: "identified", body: "Load balancer health check points at the wrong port.", author: engineers[0]! },
        { at: sev1Start + 35 * MINUTE, kind: "status", status: "monitoring", body: "Config reverted; traffic recovering.", author: engineers[0]! },
        { at: sev1Start + 47 * MINUTE, kind: "status", status: "resolved", body: "Error rate back to baseline.", author: engineers[0]! },
      ],
    });
    const change = (i: number, partial: Partial<DemoChange> & Pick<DemoChange, "title" | "type" | "risk" | "status">): DemoChange => {
      const createdAt = now - this.r.int(2, 30) * HOUR;
      return {
        key: this.key(), service: svc(i).slug, description: "See the linked design document.", rollbackPlan: "Revert the configuration and redeploy the previous version.",
        awaitingRetroactiveApproval: false, plannedStart: today + 2 * DAY + 10 * HOUR, plannedEnd: today + 2 * DAY + 12 * HOUR,
        requester: engineers[i % engineers.length]!, createdAt, submittedAt: partial.status === "draft" ? null : createdAt + 10 * MINUTE,
        decidedAt: null, implementedAt: null, approvals: [], ...partial,
      };
    };
    const approve = (approver: string, comment: string): DemoApproval => ({ approver, decision: "approved", comment, at: now - 50 * MINUTE });
    batch.changes.push(
      change(2, { title: "Migrate ledger storage to a new cluster", type: "normal", risk: "high", status: "draft" }),
      change(1, { title: "Rotate acquirer TLS certificates", type: "normal", risk: "high", status: "pending_approval", approvals: [approve(approvers[0]!, "Plan looks right; needs a second approver.")] }),
      change(3, { title: "Enable HTTP/3 at the edge", type: "normal", risk: "medium", status: "pending_approval" }),
      change(5, { title: "Increase search shard count", type: "normal", risk: "low", status: "approved", decidedAt: now - 40 * MINUTE, approvals: [approve(approvers[1]!, "Approved for Tuesday's window.")] }),
      change(6, { title: "Rewrite the checkout page in one release", type: "normal", risk: "high", status: "rejected", decidedAt: now - 3 * HOUR, approvals: [{ approver: approvers[0]!, decision: "rejected", comment: "Too big for peak season; split it behind a flag.", at: now - 3 * HOUR }] }),
      change(7, { title: "Switch SMS provider", type: "normal", risk: "medium", status: "cancelled" }),
      change(4, { title: "Upgrade session store to Redis 7.4", type: "normal", risk: "medium", status: "failed", plannedStart: now - 26 * HOUR, plannedEnd: now - 24 * HOUR, decidedAt: now - 30 * HOUR, implementedAt: now - 25 * HOUR, approvals: [approve(approvers[1]!, "Fine; keep the old cluster warm.")] }),
      change(0, { title: "Hotfix: disable coupon stacking", type: "emergency", risk: "high", status: "implemented", awaitingRetroactiveApproval: true, plannedStart: null, plannedEnd: null, implementedAt: now - 5 * HOUR, description: "Coupons could be stacked for a 100% discount; disabled immediately." }),
      change(1, { title: "Add index to payments lookup", type: "standard", risk: "low", status: "implemented", decidedAt: now - 20 * HOUR, implementedAt: now - 19 * HOUR }),
    );
    return batch;
  }
}
