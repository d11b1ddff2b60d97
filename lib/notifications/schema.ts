import { z } from "zod";
import { CHANNEL_KINDS, NOTIFICATION_EVENTS, type NotificationEventType } from "@/db/schema";
import { LOCALES } from "@/lib/i18n/locales";
import { singleLineName } from "@/lib/single-line";
import { oneOf, slugSchema, text } from "@/lib/validation";
import { targetUrlProblem } from "./targets";
import { recordId } from "@/lib/whole-number";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/**
 * "incident.declared,change.decided" (or a list). Leaving the field out means every event; a list that
 * names none is a mistake, never "every event", since a channel should not get everything by accident.
 */
const eventList = z
  .preprocess((v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v), z.array(text(), { error: "must be a list of event types" }).max(NOTIFICATION_EVENTS.length * 2, "names too many events"))
  .transform((list, ctx) => {
    const unknown = list.find((e) => !(NOTIFICATION_EVENTS as readonly string[]).includes(e));
    if (unknown !== undefined) {
      ctx.addIssue({ code: "custom", message: `has ${JSON.stringify(unknown)}, which is not one of ${NOTIFICATION_EVENTS.join(", ")}` });
      return z.NEVER;
    }
    if (!list.length) {
      ctx.addIssue({ code: "custom", message: "must list at least one event" });
      return z.NEVER;
    }
    return [...new Set(list as NotificationEventType[])];
  });

/** One schema for `tandem channel add` and Settings' form. */
export const newChannelSchema = z
  .object({
    kind: oneOf(CHANNEL_KINDS),
    name: singleLineName(100),
    target: text().trim().min(1, "is required").max(2_000, "must be at most 2000 characters"),
    events: optional(eventList),
    team: optional(slugSchema),
    /** The language of its Slack, Teams and email messages; none: English. */
    locale: optional(oneOf(LOCALES)),
  })
  .superRefine((channel, ctx) => {
    if (channel.kind === "email") {
      if (!z.email().safeParse(channel.target).success) ctx.addIssue({ code: "custom", path: ["target"], message: "must be an email address for an email channel" });
      return;
    }
    const problem = targetUrlProblem(channel.target);
    if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: problem });
  });
export type NewChannel = z.output<typeof newChannelSchema>;

/**
 * The form posts one checkbox per event (`events.incident.declared`); gather the ticked ones. All ticked
 * means every event, events added later included; none ticked is refused.
 */
export const channelFormSchema = z.preprocess((v) => {
  if (typeof v !== "object" || v === null) return v;
  const fields = v as Record<string, unknown>;
  const ticked = NOTIFICATION_EVENTS.filter((e) => fields[`events.${e}`] === "on");
  const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith("events.")));
  return { ...rest, events: ticked.length === NOTIFICATION_EVENTS.length ? undefined : ticked };
}, newChannelSchema);

export const channelIdSchema = z.object({ id: recordId("must be a channel id") });

export const channelLocaleSchema = channelIdSchema.extend({ locale: oneOf(LOCALES) });
