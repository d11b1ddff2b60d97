import { describe, expect, it } from "vitest";
import { checkOverride, checkRotation, handoverAt, onCallAt, shiftIndexAt, shiftsFrom, type RotationRule } from "./rotation";

const berlin: RotationRule = { members: ["ana", "ben", "cy"], shiftHours: 24, handoverTime: "09:00", timeZone: "Europe/Berlin", startsOn: "2026-03-23" };
const iso = (d: Date | undefined) => d?.toISOString();

describe("hand-overs on the wall clock", () => {
  it("keeps 09:00 local across spring forward: the shift over the change is 23 hours", () => {
    // Europe/Berlin goes from +01:00 to +02:00 at 02:00 on 2026-03-29.
    const k = 5; // 2026-03-28
    expect(iso(handoverAt(berlin, k))).toBe("2026-03-28T08:00:00.000Z");
    expect(iso(handoverAt(berlin, k + 1))).toBe("2026-03-29T07:00:00.000Z");
    expect(handoverAt(berlin, k + 1).getTime() - handoverAt(berlin, k).getTime()).toBe(23 * 3_600_000);
  });

  it("keeps 09:00 local across fall back: the shift over the change is 25 hours", () => {
    // Back to +01:00 at 03:00 on 2026-10-25.
    const rule = { ...berlin, startsOn: "2026-10-24" };
    expect(iso(handoverAt(rule, 0))).toBe("2026-10-24T07:00:00.000Z");
    expect(iso(handoverAt(rule, 1))).toBe("2026-10-25T08:00:00.000Z");
    expect(handoverAt(rule, 1).getTime() - handoverAt(rule, 0).getTime()).toBe(25 * 3_600_000);
  });

  it("moves a hand-over inside the spring-forward gap on by the gap's length (02:30 → 03:30)", () => {
    const rule = { ...berlin, handoverTime: "02:30", startsOn: "2026-03-28" };
    expect(iso(handoverAt(rule, 1))).toBe("2026-03-29T01:30:00.000Z"); // 03:30 +02:00
    expect(iso(handoverAt(rule, 2))).toBe("2026-03-30T00:30:00.000Z"); // 02:30 +02:00 again the day after
  });

  it("takes the first of a local time that happens twice when clocks fall back", () => {
    const rule = { ...berlin, handoverTime: "02:30", startsOn: "2026-10-24" };
    expect(iso(handoverAt(rule, 1))).toBe("2026-10-25T00:30:00.000Z"); // 02:30 +02:00, not +01:00
  });

  it("cuts 12-hour shifts on local time across DST in the US (America/New_York, 2026-03-08)", () => {
    const rule: RotationRule = { members: ["a", "b"], shiftHours: 12, handoverTime: "08:00", timeZone: "America/New_York", startsOn: "2026-03-07" };
    expect(iso(handoverAt(rule, 2))).toBe("2026-03-08T12:00:00.000Z"); // 08:00 −04:00
    expect(handoverAt(rule, 2).getTime() - handoverAt(rule, 1).getTime()).toBe(11 * 3_600_000);
  });

  it("finds the shift of an instant on either side of a boundary", () => {
    const h = handoverAt(berlin, 6);
    expect(shiftIndexAt(berlin, h)).toBe(6);
    expect(shiftIndexAt(berlin, new Date(h.getTime() - 1))).toBe(5);
    expect(shiftIndexAt(berlin, new Date("2026-03-01T00:00:00Z"))).toBeLessThan(0);
  });
});

describe("who is on call", () => {
  it("takes members in order and wraps round, with since and until the hand-overs", () => {
    const at = new Date("2026-03-26T12:00:00Z"); // shift 3 → ana again
    const { now, next } = onCallAt(berlin, [], at);
    expect(now).toEqual({ userId: "ana", since: new Date("2026-03-26T08:00:00Z"), until: new Date("2026-03-27T08:00:00Z"), override: false });
    expect(next).toEqual({ userId: "ben", since: new Date("2026-03-27T08:00:00Z"), until: new Date("2026-03-28T08:00:00Z"), override: false });
  });

  it("hands over at the exact instant: the outgoing member's until is the incoming one's since", () => {
    const h = handoverAt(berlin, 1);
    expect(onCallAt(berlin, [], new Date(h.getTime() - 1)).now?.userId).toBe("ana");
    expect(onCallAt(berlin, [], h).now?.userId).toBe("ben");
  });

  it("has nobody on call before the rotation starts, and names the first member as next", () => {
    const { now, next } = onCallAt(berlin, [], new Date("2026-03-20T00:00:00Z"));
    expect(now).toBeNull();
    expect(next).toMatchObject({ userId: "ana", since: new Date("2026-03-23T08:00:00Z") });
  });

  it("puts an override on top and hands back to the rotation when it ends", () => {
    // "I take Thursday night for Ana": dee covers part of ana's shift.
    const cover = { userId: "dee", startsAt: new Date("2026-03-26T18:00:00Z"), endsAt: new Date("2026-03-26T23:00:00Z") };
    const before = onCallAt(berlin, [cover], new Date("2026-03-26T12:00:00Z"));
    expect(before.now).toMatchObject({ userId: "ana", until: cover.startsAt, override: false });
    expect(before.next).toEqual({ userId: "dee", since: cover.startsAt, until: cover.endsAt, override: true });
    const during = onCallAt(berlin, [cover], new Date("2026-03-26T20:00:00Z"));
    expect(during.now).toEqual({ userId: "dee", since: cover.startsAt, until: cover.endsAt, override: true });
    expect(during.next).toEqual({ userId: "ana", since: cover.endsAt, until: new Date("2026-03-27T08:00:00Z"), override: false });
    const after = onCallAt(berlin, [cover], new Date("2026-03-27T01:00:00Z"));
    expect(after.now).toEqual({ userId: "ana", since: cover.endsAt, until: new Date("2026-03-27T08:00:00Z"), override: false });
  });

  it("lets an override run across a hand-over and covers time before the rotation starts", () => {
    const cover = { userId: "dee", startsAt: new Date("2026-03-27T06:00:00Z"), endsAt: new Date("2026-03-27T10:00:00Z") };
    const shifts = shiftsFrom(berlin, [cover], new Date("2026-03-27T05:00:00Z"), 3);
    expect(shifts.map((s) => [s.userId, iso(s.since), iso(s.until)])).toEqual([
      ["ana", "2026-03-26T08:00:00.000Z", "2026-03-27T06:00:00.000Z"],
      ["dee", "2026-03-27T06:00:00.000Z", "2026-03-27T10:00:00.000Z"],
      ["ben", "2026-03-27T10:00:00.000Z", "2026-03-28T08:00:00.000Z"],
    ]);
    const early = { userId: "dee", startsAt: new Date("2026-03-01T00:00:00Z"), endsAt: new Date("2026-03-02T00:00:00Z") };
    expect(onCallAt(berlin, [early], new Date("2026-03-01T12:00:00Z")).now).toMatchObject({ userId: "dee", override: true });
    expect(onCallAt(null, [early], new Date("2026-03-01T12:00:00Z")).next).toBeNull();
    expect(onCallAt(null, [], new Date("2026-03-01T12:00:00Z"))).toEqual({ now: null, next: null });
  });
});

describe("refusals", () => {
  const refusal = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return null;
  };

  it("refuses a rotation with no members, in words a page in another language can say", () => {
    expect(refusal(() => checkRotation({ ...berlin, members: [] }))).toMatchObject({
      code: "bad_request",
      message: "A rotation needs at least one member: add people to the team first.",
      fields: undefined,
      say: { key: "rotationWithoutMembers" },
    });
    expect(refusal(() => checkRotation(berlin))).toBeNull();
  });

  it("refuses overlapping overrides, naming the start, but allows back-to-back ones", () => {
    const a = { userId: "ana", startsAt: new Date("2026-03-27T18:00:00Z"), endsAt: new Date("2026-03-28T06:00:00Z") };
    const overlapping = { userId: "ben", startsAt: new Date("2026-03-28T05:00:00Z"), endsAt: new Date("2026-03-28T08:00:00Z") };
    expect(refusal(() => checkOverride(overlapping, [a]))).toMatchObject({
      code: "bad_request",
      fields: { startsAt: "This override overlaps another one (2026-03-27T18:00:00.000Z to 2026-03-28T06:00:00.000Z); change or remove that one first" },
    });
    expect(refusal(() => checkOverride({ ...overlapping, startsAt: a.endsAt }, [a]))).toBeNull();
  });
});
