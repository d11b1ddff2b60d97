import type { ChangeStatus, DeploymentStatus, IncidentStatus, Severity } from "@/db/schema";
import { profilesFor } from "@/db/seed/profiles";
import { Random } from "@/db/seed/random";

/*
 * The benchmark's data, produced as a stream of rows in time order, one UTC day at a time, so a million
 * deployments never sit in memory. Ids are assigned here (the tables start empty), which lets the writer
 * insert with explicit keys and lets rows refer to each other (rollbacks, causes, change requests).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type BenchSize = { deployments: number; services: number; days: number; incidents: number; changes: number };
export const FULL_SIZE: BenchSize = { deployments: 1_000_000, services: 200, days: 730, incidents: 20_000, changes: 20_000 };
export const QUICK_SIZE: BenchSize = { deployments: 20_000, services: 20, days: 90, incidents: 400, changes: 400 };

export type BenchService = { id: number; slug: string; name: string; team: string; weight: number; failureRate: number; leadHours: number };
export type BenchCommit = { id: number; sha: string; timestamp: number; message: string; author: string };
export type BenchDeployment = {
  id: number;
  service: BenchService;
  environment: "production" | "staging";
  version: string;
  sha: string;
  status: DeploymentStatus;
  startedAt: number;
  finishedAt: number | null;
  rollbackOfId: number | null;
  unplanned: boolean;
  changeFailed: boolean;
  changeRequestId: number | null;
  deployedBy: string;
  /** New commits first written with this deployment, then every commit it lists (carried ones included). */
  newCommits: BenchCommit[];
  commitIds: number[];
};
export type BenchIncident = {
  id: number;
  service: BenchService;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  startedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  causedById: number | null;
};
export type BenchChange = {
  id: number;
  service: BenchService;
  title: string;
  type: "standard" | "normal" | "emergency";
  risk: "low" | "medium" | "high";
  status: ChangeStatus;
  createdAt: number;
  submittedAt: number | null;
  decidedAt: number | null;
  implementedAt: number | null;
};
export type BenchRow = { kind: "change"; row: BenchChange } | { kind: "deployment"; row: BenchDeployment } | { kind: "incident"; row: BenchIncident };

const PEOPLE = ["priya.raman", "tomas.novak", "amara.okafor", "li.wei", "sofia.lindqvist", "jonas.weber"];
const VERBS = ["Fix", "Add", "Refactor", "Bump", "Remove", "Speed up", "Log", "Retry"];
const THINGS = ["cart totals", "session refresh", "rate limiter", "search ranking", "invoice export", "retry budget", "feature flag", "dependency"];
const SEVERITIES: [Severity, number][] = [["SEV1", 0.05], ["SEV2", 0.2], ["SEV3", 0.45], ["SEV4", 0.3]];
/** Final states of changes no deployment implements (implemented and failed ones come from deployments). */
const OPEN_CHANGES: [ChangeStatus, number][] = [["draft", 0.1], ["pending_approval", 0.15], ["approved", 0.2], ["rejected", 0.25], ["cancelled", 0.3]];
/** Share of changes raised for a deployment (and implemented or failed by it). */
const DEPLOYED_CHANGE_SHARE = 0.6;
/** How a failed change shows: a rollback, the flag set by hand, or only the incident it caused. */
const ROLLBACK_SHARE = 0.45;
const FLAG_SHARE = 0.35;
/** Share of incidents caused by a deployment; the rest start on their own. */
const CAUSED_SHARE = 0.45;

function weighted<T>(r: Random, table: [T, number][]): T {
  let x = r.next();
  for (const [value, w] of table) if ((x -= w) < 0) return value;
  return table.at(-1)![0];
}

/** Splits a total over slots in proportion to weights, exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k]![1]]!++;
  return counts;
}

/** Services of very different busyness (Zipf-like), each with its demo profile's failure rate and lead time. */
export function benchServices(count: number): BenchService[] {
  return profilesFor(count).map((p, i) => ({
    id: i + 1,
    slug: p.slug,
    name: p.name,
    team: i < 8 ? p.team : `${p.team}-${1 + (i % 12)}`,
    weight: 1 / Math.pow(i + 1, 0.7),
    failureRate: p.failureRate / 2,
    leadHours: p.leadHours,
  }));
}

export class BenchPlan {
  readonly services: BenchService[];
  readonly firstDay: number;
  private readonly r: Random;
  private readonly cumulative: number[];
  private readonly deploymentsPerDay: number[];
  private readonly spontaneousPerDay: number[];
  private readonly openChangesPerDay: number[];
  private readonly changeChance: number;
  private readonly causedChance: number;
  private readonly pending = new Map<number, number[]>();
  private readonly versions = new Map<number, number>();
  private ids = { deployment: 0, commit: 0, incident: 0, change: 0 };

  /** `end` is the exclusive end of the data (a UTC midnight): the last day generated is the one before it. */
  constructor(
    readonly size: BenchSize,
    seed: number,
    readonly end: number,
  ) {
    this.r = new Random(seed);
    this.services = benchServices(size.services);
    this.firstDay = end - size.days * DAY;
    let acc = 0;
    this.cumulative = this.services.map((s) => (acc += s.weight));
    const dayWeights = Array.from({ length: size.days }, (_, d) => {
      const weekday = new Date(this.firstDay + d * DAY).getUTCDay();
      return weekday === 0 || weekday === 6 ? 0.15 : 1;
    });
    this.deploymentsPerDay = apportion(size.deployments, dayWeights);
    this.spontaneousPerDay = apportion(Math.round(size.incidents * (1 - CAUSED_SHARE)), dayWeights);
    this.openChangesPerDay = apportion(Math.round(size.changes * (1 - DEPLOYED_CHANGE_SHARE)), dayWeights);
    const production = size.deployments * 0.9 * 0.95;
    const failureRate = this.services.reduce((a, s) => a + s.weight * s.failureRate, 0) / acc;
    this.changeChance = (size.changes * DEPLOYED_CHANGE_SHARE) / production;
    this.causedChance = Math.min(1, (size.incidents * CAUSED_SHARE) / (production * failureRate));
  }

  *days(): Generator<BenchRow[]> {
    for (let d = 0; d < this.size.days; d++) yield this.day(d);
  }

  private day(d: number): BenchRow[] {
    const dayStart = this.firstDay + d * DAY;
    const rows: BenchRow[] = [];
    for (let i = 0; i < this.openChangesPerDay[d]!; i++) rows.push({ kind: "change", row: this.openChange(dayStart + this.officeTime()) });
    const starts = Array.from({ length: this.deploymentsPerDay[d]! }, () => dayStart + this.officeTime()).sort((a, b) => a - b);
    for (let i = 0; i < starts.length; i++) {
      const rollback = this.deploy(rows, this.pickService(), starts[i]!, i + 1 < starts.length);
      if (rollback) i++;
    }
    for (let i = 0; i < this.spontaneousPerDay[d]!; i++) rows.push({ kind: "incident", row: this.incident(this.pickService(), dayStart + this.r.next() * DAY, null) });
    return rows;
  }

  /** Office hours (07–18 UTC) most of the time, any hour otherwise. */
  private officeTime(): number {
    return this.r.chance(0.85) ? 7 * HOUR + this.r.next() * 11 * HOUR : this.r.next() * DAY;
  }

  private pickService(): BenchService {
    const x = this.r.next() * this.cumulative.at(-1)!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.services[lo]!;
  }

  private version(s: BenchService): string {
    const n = (this.versions.get(s.id) ?? 100) + 1;
    this.versions.set(s.id, n);
    return `${Math.floor(n / 1000)}.${Math.floor(n / 10) % 100}.${n % 10}`;
  }

  /** Writes one deployment (and what follows from it); true when it also used the next slot for a rollback. */
  private deploy(rows: BenchRow[], s: BenchService, startedAt: number, mayRollBack: boolean): boolean {
    const environment = this.r.chance(0.1) ? "staging" : "production";
    const finished = startedAt + this.r.int(3, 25) * MINUTE;
    const roll = this.r.next();
    const status: DeploymentStatus = finished > this.end ? "in_progress" : roll < 0.95 ? "success" : roll < 0.985 ? "failure" : "cancelled";
    const change = environment === "production" && status !== "in_progress" && this.r.chance(this.changeChance) ? this.deployedChange(s, startedAt, finished, status) : null;
    if (change) rows.push({ kind: "change", row: change });
    const d = this.deployment(s, environment, status, startedAt, status === "in_progress" ? null : finished, null);
    d.changeRequestId = change?.id ?? null;
    rows.push({ kind: "deployment", row: d });
    if (environment !== "production" || status !== "success") return false;
    if (!this.r.chance(s.failureRate)) {
      d.unplanned = this.r.chance(0.03);
      return false;
    }
    const how = this.r.next();
    d.changeFailed = how >= ROLLBACK_SHARE && how < ROLLBACK_SHARE + FLAG_SHARE;
    const impact = finished + this.r.int(2, 90) * MINUTE;
    if (this.r.chance(this.causedChance) && impact < this.end) rows.push({ kind: "incident", row: this.incident(s, impact, d.id) });
    if (how >= ROLLBACK_SHARE || !mayRollBack) return false;
    const back = finished + this.r.int(8, 60) * MINUTE;
    if (back + 10 * MINUTE > this.end) return false;
    rows.push({ kind: "deployment", row: this.deployment(s, "production", "success", back, back + this.r.int(3, 10) * MINUTE, d.id) });
    return true;
  }

  private deployment(s: BenchService, environment: BenchDeployment["environment"], status: DeploymentStatus, startedAt: number, finishedAt: number | null, rollbackOfId: number | null): BenchDeployment {
    const newCommits = rollbackOfId === null ? this.newCommits(s, startedAt) : [];
    // A production deployment that did not succeed leaves its commits for the service's next one.
    const key = s.id * 2 + (environment === "production" ? 0 : 1);
    const commitIds = [...(this.pending.get(key) ?? []), ...newCommits.map((c) => c.id)];
    this.pending.delete(key);
    if (status !== "success" && status !== "in_progress") this.pending.set(key, commitIds);
    return {
      id: ++this.ids.deployment,
      service: s,
      environment,
      version: this.version(s),
      sha: newCommits.at(-1)?.sha ?? this.r.hex(40),
      status,
      startedAt,
      finishedAt,
      rollbackOfId,
      unplanned: false,
      changeFailed: false,
      changeRequestId: null,
      deployedBy: this.r.pick(PEOPLE),
      newCommits,
      commitIds,
    };
  }

  /** 1 + Poisson(2) commits, written a log-normal lead time (around the service's median) before the deploy. */
  private newCommits(s: BenchService, before: number): BenchCommit[] {
    const count = 1 + this.r.poisson(2);
    return Array.from({ length: count }, () => ({
      id: ++this.ids.commit,
      sha: this.r.hex(40),
      timestamp: Math.round(before - MINUTE - this.r.logNormal(s.leadHours * HOUR, 0.9)),
      message: `${this.r.pick(VERBS)} ${this.r.pick(THINGS)}`,
      author: this.r.pick(PEOPLE),
    }));
  }

  private incident(s: BenchService, startedAt: number, causedById: number | null): BenchIncident {
    const acknowledgedAt = Math.round(startedAt + MINUTE + this.r.logNormal(6 * MINUTE, 0.8));
    const resolvedAt = Math.round(acknowledgedAt + this.r.logNormal(2 * HOUR, 1));
    const open = resolvedAt > this.end || this.r.chance(0.005);
    const status: IncidentStatus = open ? this.r.pick(["investigating", "identified", "monitoring"] as const) : "resolved";
    return {
      id: ++this.ids.incident,
      service: s,
      title: `${s.name}: ${this.r.pick(["elevated error rate", "latency above SLO", "failed health checks", "queue backlog growing", "5xx from upstream"])}`,
      severity: weighted(this.r, SEVERITIES),
      status,
      startedAt: Math.round(startedAt),
      acknowledgedAt: status === "investigating" || acknowledgedAt > this.end ? null : acknowledgedAt,
      resolvedAt: open ? null : resolvedAt,
      causedById,
    };
  }

  private change(s: BenchService, createdAt: number): BenchChange {
    const type = weighted(this.r, [["standard", 0.5], ["normal", 0.4], ["emergency", 0.1]] as ["standard" | "normal" | "emergency", number][]);
    const title = `${this.r.pick(VERBS)} ${this.r.pick(THINGS)} on ${s.name}`;
    // Drawn for every change so the rest of the data stays the same; a standard change is low risk by rule.
    const risk = this.r.pick(["low", "medium", "high"] as const);
    return {
      id: ++this.ids.change,
      service: s,
      title,
      type,
      risk: type === "standard" ? "low" : risk,
      status: "draft",
      createdAt: Math.round(createdAt),
      submittedAt: null,
      decidedAt: null,
      implementedAt: null,
    };
  }

  private deployedChange(s: BenchService, startedAt: number, finished: number, status: DeploymentStatus): BenchChange {
    const c = this.change(s, startedAt - this.r.int(2, 72) * HOUR);
    const succeeded = status === "success";
    return { ...c, status: succeeded ? "implemented" : "failed", submittedAt: c.createdAt + 10 * MINUTE, decidedAt: c.createdAt + this.r.int(20, 120) * MINUTE, implementedAt: finished };
  }

  private openChange(createdAt: number): BenchChange {
    const c = this.change(this.pickService(), createdAt);
    const status = weighted(this.r, OPEN_CHANGES);
    const submittedAt = status === "draft" ? null : c.createdAt + 10 * MINUTE;
    const decidedAt = status === "approved" || status === "rejected" ? c.createdAt + this.r.int(20, 240) * MINUTE : null;
    return { ...c, status, submittedAt, decidedAt };
  }
}
