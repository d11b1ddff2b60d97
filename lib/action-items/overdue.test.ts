import { describe, expect, it } from "vitest";
import { setClock } from "@/lib/testing/clock";
import { isOverdue, overdueBefore, utcDay } from "./overdue";

describe("the overdue rule (issue 17, item 3)", () => {
  const open = (dueOn: string) => ({ status: "open" as const, dueOn });

  it("an open item is overdue once its due day has ended in UTC, not before", () => {
    setClock("2026-12-10T23:59:59.999Z");
    expect(isOverdue(open("2026-12-10"), new Date())).toBe(false);
    expect(isOverdue(open("2026-12-09"), new Date())).toBe(true);
    setClock("2026-12-11T00:00:00.000Z");
    expect(isOverdue(open("2026-12-10"), new Date())).toBe(true);
    expect(isOverdue(open("2026-12-11"), new Date())).toBe(false);
  });

  it("counts the day in UTC whatever the offset the moment was written with", () => {
    // 01:00 on 11 December in UTC+2 is still 10 December in UTC: not yet overdue.
    expect(isOverdue(open("2026-12-10"), new Date("2026-12-11T01:00:00+02:00"))).toBe(false);
    expect(utcDay(new Date("2026-12-11T01:00:00+02:00"))).toBe("2026-12-10");
  });

  it("a done or won't-do item is never overdue, however late", () => {
    const now = new Date("2027-06-01T12:00:00Z");
    expect(isOverdue({ status: "done", dueOn: "2026-01-01" }, now)).toBe(false);
    expect(isOverdue({ status: "wont_do", dueOn: "2026-01-01" }, now)).toBe(false);
  });

  it("compares across month and year ends as days, not as text of different lengths", () => {
    expect(isOverdue(open("2026-12-31"), new Date("2027-01-01T00:00:00Z"))).toBe(true);
    expect(isOverdue(open("2027-01-01"), new Date("2026-12-31T23:00:00Z"))).toBe(false);
    expect(overdueBefore(new Date("2028-03-01T00:00:00Z"))).toBe("2028-03-01");
  });
});
