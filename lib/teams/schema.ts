import { z } from "zod";
import { SHIFT_HOURS } from "@/lib/oncall/limits";
import { singleLineName } from "@/lib/single-line";
import { instantIn } from "@/lib/time-zone";
import { calendarDaySchema, requiredLocalDateTimeSchema, slugSchema, text, timeZoneFieldSchema } from "@/lib/validation";
import { recordId } from "@/lib/whole-number";

/** One schema per form; the server action and the use case share it. */

const userId = text().trim().min(1, "choose a person").max(200);

export const newTeamSchema = z.object({ slug: slugSchema, name: singleLineName(100) });
export const teamSlugSchema = z.object({ team: slugSchema });
export const memberSchema = z.object({ team: slugSchema, userId });
export const moveMemberSchema = memberSchema.extend({ direction: z.enum(["up", "down"], { error: "must be up or down" }) });

export const rotationSchema = z.object({
  team: slugSchema,
  shiftHours: z.coerce
    .number({ error: "must be a number of hours" })
    .int("must be a whole number of hours")
    .refine((h) => (SHIFT_HOURS as readonly number[]).includes(h), "must divide a day (1, 2, 3, 4, 6, 8 or 12 hours) or be whole days up to 28 (24, 48, … 672)"),
  handoverTime: text()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day, HH:MM (24-hour)"),
  timeZone: timeZoneFieldSchema,
  startsOn: calendarDaySchema,
});
export type RotationInput = z.output<typeof rotationSchema>;

export const overrideSchema = z
  .object({
    team: slugSchema,
    userId,
    startsAt: requiredLocalDateTimeSchema,
    endsAt: requiredLocalDateTimeSchema,
    reason: text().trim().max(200).default(""),
    timeZone: timeZoneFieldSchema,
  })
  .transform((f, ctx) => {
    const startsAt = instantIn(f.startsAt, f.timeZone);
    const endsAt = instantIn(f.endsAt, f.timeZone);
    if (endsAt <= startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after the start" });
    return { team: f.team, userId: f.userId, startsAt, endsAt, reason: f.reason || null };
  });
export type OverrideInput = z.output<typeof overrideSchema>;

export const overrideIdSchema = z.object({ team: slugSchema, id: recordId() });

export const oncallQuerySchema = z.object({ team: slugSchema });
