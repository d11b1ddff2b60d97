import { describe, expect, it } from "vitest";
import { NOTIFICATION_EVENTS } from "@/db/schema";
import { channelFormSchema, newChannelSchema } from "./schema";

const channel = { kind: "slack", name: "Payments alerts", target: "https://hooks.slack.com/services/T0/B0/XXXXXXXXXXXXXXXXXXXX" };
const ticked = (events: readonly string[]) => Object.fromEntries(events.map((e) => [`events.${e}`, "on"]));
const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => [i.path.join("."), i.message]);

describe("the events a channel gets", () => {
  it("from the command line: every event when --events is left out, else the ones it names", () => {
    expect(newChannelSchema.parse(channel).events).toBeUndefined();
    expect(newChannelSchema.parse({ ...channel, events: "incident.declared, change.decided" }).events).toEqual(["incident.declared", "change.decided"]);
  });

  it("from the command line: a list that names no event is refused, not read as every event", () => {
    expect(problems(newChannelSchema.safeParse({ ...channel, events: " , " }))).toEqual([["events", "must list at least one event"]]);
  });

  it("from the form: every box ticked is every event (those added later too), some boxes those events", () => {
    expect(channelFormSchema.parse({ ...channel, ...ticked(NOTIFICATION_EVENTS) }).events).toBeUndefined();
    expect(channelFormSchema.parse({ ...channel, ...ticked(["gate.denied"]) }).events).toEqual(["gate.denied"]);
  });

  it("from the form: no box ticked is refused, naming the field", () => {
    expect(problems(channelFormSchema.safeParse(channel))).toEqual([["events", "must list at least one event"]]);
  });
});
