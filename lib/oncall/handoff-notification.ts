import type { Handoff, Team } from "@/db/schema";
import { subjectNotification, type PendingEvent } from "@/lib/notifications/events";
import type { HandoffSummary } from "./handoff";

type Person = { name: string; email: string } | undefined;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The `oncall.handoff` message: the stored summary as data, and the few lines an outgoing and incoming
 * person read first (what broke, what is still open, what waits, what freezes come).
 */
export function handoffNotification(team: Team, handoff: Handoff, people: { outgoing: Person; incoming: Person }): PendingEvent {
  const summary = handoff.summary as HandoffSummary;
  const { deployments, incidents, changes, freezesAhead } = summary;
  return subjectNotification("oncall.handoff", {
    data: {
      team: team.slug,
      handoverAt: handoff.handoverAt.toISOString(),
      shiftStart: handoff.shiftStart.toISOString(),
      outgoing: people.outgoing?.email ?? null,
      incoming: people.incoming?.email ?? null,
      summary,
    },
    title: `${team.name}: on-call hand-over${people.incoming ? ` to ${people.incoming.name}` : ""}`,
    summary: [
      `${count(deployments.succeeded + deployments.failed + deployments.rolledBack, "deployment")} (${deployments.failed} failed, ${deployments.rolledBack} rolled back)`,
      `${count(incidents.opened.length, "incident")} opened, ${incidents.stillOpen.length} still open`,
      `${count(changes.approved.length, "change")} approved, ${changes.waiting.length} waiting`,
      `${count(freezesAhead.length, "freeze")} in the next shift`,
    ].join("; "),
    facts: [
      ["Team", team.name],
      ["Outgoing", people.outgoing?.name ?? "nobody"],
      ["Incoming", people.incoming?.name ?? "nobody"],
    ],
    path: `/teams/${team.slug}`,
    team: team.slug,
    at: handoff.handoverAt,
  });
}

/** The personal e-mail to whoever takes the shift after the one starting now: "you are on call next". */
export function onCallNextNotification(team: Team, from: Date, person: { name: string; email: string }): PendingEvent {
  return subjectNotification("oncall.handoff", {
    data: { team: team.slug, onCallNext: person.email, from: from.toISOString() },
    title: `You are on call next for ${team.name}`,
    summary: `${person.name}, your on-call shift for ${team.name} starts at ${from.toISOString().replace("T", " ").slice(0, 16)} UTC.`,
    path: `/teams/${team.slug}`,
    team: team.slug,
    at: from,
  });
}
