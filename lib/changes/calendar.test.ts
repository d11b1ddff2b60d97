import { describe, expect, it } from "vitest";
import { calendarPeriod, clashOf, describeConflict, findConflicts, onDay, parseCalendarDate, utcDayStart, type CalendarChange, type CalendarFreeze } from "./calendar";

const at = (iso: string) => new Date(`${iso}Z`);
let nextId = 1;
function change(over: Partial<Omit<CalendarChange, "start" | "end">> & { start: string; end: string }): CalendarChange {
  return { id: nextId++, title: "Change", serviceId: 1, service: "checkout", serviceName: "Checkout", team: "payments", type: "normal", status: "approved", updatedAt: at("2026-11-01T00:00"), ...over, start: at(over.start), end: at(over.end) };
}
function freeze(over: Partial<Omit<CalendarFreeze, "startsAt" | "endsAt">> & { startsAt: string; endsAt: string }): CalendarFreeze {
  return { id: nextId++, name: "Holidays", serviceId: null, serviceName: null, reason: null, createdAt: at("2026-11-01T00:00"), ...over, startsAt: at(over.startsAt), endsAt: at(over.endsAt) };
}
const kinds = (conflicts: Map<number, { kind: string }[]>, id: number) => (conflicts.get(id) ?? []).map((c) => c.kind);

describe("findConflicts", () => {
  it("marks both of two overlapping changes of one service", () => {
    const a = change({ start: "2026-12-07T10:00", end: "2026-12-07T12:00" });
    const b = change({ start: "2026-12-07T11:00", end: "2026-12-07T13:00" });
    const conflicts = findConflicts([a, b], []);
    expect(kinds(conflicts, a.id)).toEqual(["overlap"]);
    expect(kinds(conflicts, b.id)).toEqual(["overlap"]);
    expect(describeConflict(conflicts.get(a.id)![0]!)).toBe(`Overlaps change #${b.id} "Change" on Checkout`);
    expect(clashOf(conflicts.get(a.id)![0]!)).toEqual({ kind: "overlap", id: b.id, title: "Change", serviceName: "Checkout" });
  });

  it("lets changes of different services overlap, and one change follow another", () => {
    const a = change({ start: "2026-12-07T10:00", end: "2026-12-07T12:00" });
    const other = change({ serviceId: 2, start: "2026-12-07T10:00", end: "2026-12-07T12:00" });
    const after = change({ start: "2026-12-07T12:00", end: "2026-12-07T13:00" });
    expect(findConflicts([a, other, after], []).size).toBe(0);
  });

  it("lets only open plans clash: drafts, pending and approved changes, not done, rejected or cancelled ones", () => {
    const window = { start: "2026-12-07T10:00", end: "2026-12-07T12:00" };
    const open = (["draft", "pending_approval", "approved"] as const).map((status) => change({ status, ...window }));
    const closed = (["implemented", "failed", "rejected", "cancelled"] as const).map((status) => change({ status, ...window }));
    const conflicts = findConflicts([...open, ...closed], [freeze({ startsAt: "2026-12-07T00:00", endsAt: "2026-12-08T00:00" })]);
    expect(open.map((c) => kinds(conflicts, c.id))).toEqual([
      ["overlap", "overlap", "freeze"],
      ["overlap", "overlap", "freeze"],
      ["overlap", "overlap", "freeze"],
    ]);
    expect(closed.map((c) => conflicts.get(c.id))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("marks a change inside a freeze of every service or of its own, not of another service", () => {
    const a = change({ start: "2026-12-24T10:00", end: "2026-12-24T11:00" });
    const global = freeze({ name: "Holidays", startsAt: "2026-12-20T00:00", endsAt: "2027-01-02T00:00" });
    const own = freeze({ name: "Checkout audit", serviceId: 1, serviceName: "Checkout", startsAt: "2026-12-24T10:30", endsAt: "2026-12-24T12:00" });
    const foreign = freeze({ name: "Search", serviceId: 2, serviceName: "Search", startsAt: "2026-12-24T00:00", endsAt: "2026-12-25T00:00" });
    const conflicts = findConflicts([a], [global, own, foreign]).get(a.id)!;
    expect(conflicts.map(describeConflict)).toEqual(['Inside the freeze "Holidays" (every service)', 'Inside the freeze "Checkout audit" (Checkout)']);
    expect(conflicts.map(clashOf)).toEqual([
      { kind: "freeze", name: "Holidays", serviceName: null },
      { kind: "freeze", name: "Checkout audit", serviceName: "Checkout" },
    ]);
  });

  it("lets a change end as a freeze begins, and exempts emergency changes from freezes", () => {
    const before = change({ start: "2026-12-19T22:00", end: "2026-12-20T00:00" });
    const emergency = change({ type: "emergency", serviceId: 3, start: "2026-12-21T10:00", end: "2026-12-21T11:00" });
    expect(findConflicts([before, emergency], [freeze({ startsAt: "2026-12-20T00:00", endsAt: "2027-01-02T00:00" })]).size).toBe(0);
  });
});

describe("calendarPeriod", () => {
  it("shows a week from Monday to Sunday, with the weeks before and after", () => {
    const period = calendarPeriod("week", parseCalendarDate("2026-12-10")!, utcDayStart);
    expect(period.days.map((d) => d.key)).toEqual(["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"]);
    expect([period.from, period.to]).toEqual([at("2026-12-07T00:00"), at("2026-12-14T00:00")]);
    expect([period.previous, period.next]).toEqual(["2026-12-03", "2026-12-17"]);
  });

  it("shows a month as whole weeks, marking the neighbouring months' days", () => {
    const period = calendarPeriod("month", parseCalendarDate("2027-02-14")!, utcDayStart);
    expect(period.days).toHaveLength(28);
    expect(period.days[0]!.key).toBe("2027-02-01");
    const december = calendarPeriod("month", parseCalendarDate("2026-12-31")!, utcDayStart);
    expect([december.days[0]!.key, december.days.at(-1)!.key, december.days.length]).toEqual(["2026-11-30", "2027-01-03", 35]);
    expect(december.days.filter((d) => d.inPeriod)).toHaveLength(31);
    expect([december.previous, december.next]).toEqual(["2026-11-01", "2027-01-01"]);
  });

  it("cuts days where the zone's midnights are, 23 hours on a spring-forward day", () => {
    // Berlin's midnights, as a browser there computes them; fixed here so the test does not depend on the machine's zone.
    const berlin = ({ year, month, day }: { year: number; month: number; day: number }) => new Date(Date.UTC(year, month, day) - (month > 2 || (month === 2 && day > 29) ? 2 : 1) * 3_600_000);
    const week = calendarPeriod("week", parseCalendarDate("2026-03-29")!, berlin);
    const sunday = week.days.at(-1)!;
    expect(sunday.key).toBe("2026-03-29");
    expect(sunday.end.getTime() - sunday.start.getTime()).toBe(23 * 3_600_000);
  });

  it("puts a multi-day change on each day it touches, and not on the day it ends at midnight", () => {
    const [mon, tue, wed] = calendarPeriod("week", parseCalendarDate("2026-12-07")!, utcDayStart).days;
    const start = at("2026-12-07T22:00");
    const end = at("2026-12-09T00:00");
    expect([mon, tue, wed].map((d) => onDay(d!, start, end))).toEqual([true, true, false]);
  });
});

describe("parseCalendarDate", () => {
  it("takes real ISO dates only", () => {
    expect(parseCalendarDate("2026-12-07")).toEqual({ year: 2026, month: 11, day: 7 });
    for (const bad of ["2026-02-30", "2026-13-01", "7 Dec 2026", "2026-12-7", "", "0001-01-01"]) expect(parseCalendarDate(bad)).toBeUndefined();
  });
});
