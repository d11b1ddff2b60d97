import { Temporal } from "temporal-polyfill";
import { AppError, invalid } from "@/lib/errors";
import { instantIn } from "@/lib/time-zone";

/*
 * Who is on call when: pure arithmetic over a rotation and its overrides, no clock and no database.
 *
 * Hand-overs follow the wall clock of the rotation's time zone: the k-th hand-over is at `handoverTime` on
 * `startsOn`, plus k × `shiftHours` hours of local time. A weekly shift handed over on Monday at 09:00 stays
 * at 09:00 across DST changes, so the shift that spans a change is an hour shorter or longer in real time.
 * A hand-over in a DST gap or overlap follows lib/time-zone.ts (the gap's length later; the first of two).
 */

export type RotationRule = {
  /** User ids, in the order they take shifts. */
  members: readonly string[];
  shiftHours: number;
  /** "HH:MM", 24-hour. */
  handoverTime: string;
  /** IANA name. */
  timeZone: string;
  /** "YYYY-MM-DD": the local date of the first hand-over. */
  startsOn: string;
};

export type Override = { userId: string; startsAt: Date; endsAt: Date };

export type Shift = { userId: string; since: Date; until: Date; override: boolean };


/** Refuses a rotation with nobody in it; its fields are the form's to check (rotationSchema, lib/teams/schema.ts). */
export function checkRotation(rule: RotationRule): void {
  if (rule.members.length === 0) throw new AppError("bad_request", "A rotation needs at least one member: add people to the team first.").saying("rotationWithoutMembers");
}

function firstHandover(rule: RotationRule): Temporal.PlainDateTime {
  const [hour, minute] = rule.handoverTime.split(":").map(Number) as [number, number];
  return Temporal.PlainDate.from(rule.startsOn).toPlainDateTime({ hour, minute });
}

/** The instant of the k-th hand-over (k may be negative: before the rotation starts). */
export function handoverAt(rule: RotationRule, k: number): Date {
  return instantIn(firstHandover(rule).add({ hours: k * rule.shiftHours }), rule.timeZone);
}

/** The index of the shift that holds `at`: handoverAt(k) ≤ at < handoverAt(k + 1). */
export function shiftIndexAt(rule: RotationRule, at: Date): number {
  const start = handoverAt(rule, 0).getTime();
  // An estimate from real time, off by at most one around DST changes, then settled on the wall clock.
  let k = Math.floor((at.getTime() - start) / (rule.shiftHours * 3_600_000));
  while (handoverAt(rule, k).getTime() > at.getTime()) k--;
  while (handoverAt(rule, k + 1).getTime() <= at.getTime()) k++;
  return k;
}

function memberOf(rule: RotationRule, k: number): string {
  const n = rule.members.length;
  return rule.members[((k % n) + n) % n]!;
}

/** Refuses an override that overlaps one already there (that it ends after it starts is overrideSchema's). */
export function checkOverride(candidate: Override, existing: readonly Override[]): void {
  const clash = existing.find((o) => o.startsAt.getTime() < candidate.endsAt.getTime() && candidate.startsAt.getTime() < o.endsAt.getTime());
  if (clash) {
    throw invalid([{ path: ["startsAt"], message: `This override overlaps another one (${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}); change or remove that one first` }]);
  }
}

/**
 * The shifts from `from` on, in order, cut at every hand-over and at every override's edges; at most
 * `count`. Before the rotation starts nobody is on call except by override. `rule` null: overrides only.
 */
export function shiftsFrom(rule: RotationRule | null, overrides: readonly Override[], from: Date, count: number): Shift[] {
  const sorted = [...overrides].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const shifts: Shift[] = [];
  let t = from.getTime();
  // Bounded: each step passes a hand-over or an override edge, and overrides are finite.
  for (let step = 0; shifts.length < count && step < count * 4 + sorted.length * 2 + 4; step++) {
    const override = sorted.find((o) => o.startsAt.getTime() <= t && t < o.endsAt.getTime());
    if (override) {
      shifts.push({ userId: override.userId, since: override.startsAt, until: override.endsAt, override: true });
      t = override.endsAt.getTime();
      continue;
    }
    const nextOverride = sorted.find((o) => o.startsAt.getTime() > t);
    if (!rule || rule.members.length === 0) {
      if (!nextOverride) break;
      t = nextOverride.startsAt.getTime();
      continue;
    }
    const k = shiftIndexAt(rule, new Date(t));
    if (k < 0) {
      const start = handoverAt(rule, 0).getTime();
      t = nextOverride && nextOverride.startsAt.getTime() < start ? nextOverride.startsAt.getTime() : start;
      continue;
    }
    const shiftStart = handoverAt(rule, k).getTime();
    const shiftEnd = handoverAt(rule, k + 1).getTime();
    // An override that ended inside this shift hands back to the rotation at its end, not at the hand-over.
    const lastOverrideEnd = Math.max(shiftStart, ...sorted.map((o) => o.endsAt.getTime()).filter((end) => end <= t && end > shiftStart));
    const until = nextOverride && nextOverride.startsAt.getTime() < shiftEnd ? nextOverride.startsAt.getTime() : shiftEnd;
    shifts.push({ userId: memberOf(rule, k), since: new Date(lastOverrideEnd), until: new Date(until), override: false });
    t = until;
  }
  return shifts;
}

/** Who is on call at `at` and who comes next (null where nobody is). */
export function onCallAt(rule: RotationRule | null, overrides: readonly Override[], at: Date): { now: Shift | null; next: Shift | null } {
  const [first, second] = shiftsFrom(rule, overrides, at, 2);
  if (!first) return { now: null, next: null };
  if (first.since.getTime() > at.getTime()) return { now: null, next: first };
  return { now: first, next: second ?? null };
}
