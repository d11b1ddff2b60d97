import type { Database } from "@/db/database";
import { listCalendarFreezes, listPlannedChanges, type CalendarScope } from "@/db/queries/change-calendar";
import { clashOf, describeConflict, findConflicts, OFF_CALENDAR_STATUSES, type CalendarChange, type CalendarFreeze, type Clash } from "./calendar";

export type { CalendarScope };

export type CalendarEntries = {
  /** `conflicts` in English for a feed; `clashes` for the page to word in its language. */
  changes: (CalendarChange & { conflicts: string[]; clashes: Clash[] })[];
  freezes: CalendarFreeze[];
};

/**
 * The planned changes and freezes meeting [from, to) in scope, each change with its clashes. A clash
 * may lie outside the window (a long change overlapping one that ended before it), so the rule is
 * applied to everything meeting the visible changes' whole span, and only the window is returned.
 */
export async function calendarEntries(db: Database, from: Date, to: Date, scope: CalendarScope): Promise<CalendarEntries> {
  const visible: CalendarChange[] = await listPlannedChanges(db.read, from, to, scope, OFF_CALENDAR_STATUSES);
  const spanFrom = new Date(Math.min(from.getTime(), ...visible.map((c) => c.start.getTime())));
  const spanTo = new Date(Math.max(to.getTime(), ...visible.map((c) => c.end.getTime())));
  const wide = spanFrom < from || spanTo > to;
  const around: CalendarChange[] = wide ? await listPlannedChanges(db.read, spanFrom, spanTo, scope, OFF_CALENDAR_STATUSES) : visible;
  const freezes: CalendarFreeze[] = await listCalendarFreezes(db.read, spanFrom, spanTo, scope);
  const conflicts = findConflicts(around, freezes);
  return {
    changes: visible.map((c) => {
      const found = conflicts.get(c.id) ?? [];
      return { ...c, conflicts: found.map(describeConflict), clashes: found.map(clashOf) };
    }),
    freezes: freezes.filter((f) => f.startsAt < to && f.endsAt > from),
  };
}
