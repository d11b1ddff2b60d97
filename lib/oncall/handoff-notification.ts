import type { Handoff, Team } from "@/db/schema";
import { subjectNotification, type PendingEvent } from "@/lib/notifications/events";
import type { HandoffSummary } from "./handoff";

type Person = { name: string; email: string } | undefined;

const NOBODY = { key: "Notifications.nobody" };

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
    text: {
      title: people.incoming ? { key: "Notifications.handoffTo", values: { team: team.name, person: people.incoming.name } } : { key: "Notifications.handoff", values: { team: team.name } },
      summary: {
        key: "Notifications.handoffSummary",
        values: {
          deployments: deployments.succeeded + deployments.failed + deployments.rolledBack,
          failed: deployments.failed,
          rolledBack: deployments.rolledBack,
          opened: incidents.opened.length,
          stillOpen: incidents.stillOpen.length,
          approved: changes.approved.length,
          waiting: changes.waiting.length,
          freezes: freezesAhead.length,
        },
      },
      facts: [
        ["Terms.nouns.team", team.name],
        ["Notifications.outgoing", people.outgoing?.name ?? NOBODY],
        ["Notifications.incoming", people.incoming?.name ?? NOBODY],
      ],
    },
    path: `/teams/${team.slug}`,
    team: team.slug,
    at: handoff.handoverAt,
  });
}

/** The personal e-mail to whoever takes the shift after the one starting now: "you are on call next". */
export function onCallNextNotification(team: Team, from: Date, person: { name: string; email: string }): PendingEvent {
  return subjectNotification("oncall.handoff", {
    data: { team: team.slug, onCallNext: person.email, from: from.toISOString() },
    text: {
      title: { key: "Notifications.onCallNext", values: { team: team.name } },
      summary: { key: "Notifications.onCallNextSummary", values: { person: person.name, team: team.name, at: { at: from.toISOString() } } },
      facts: [],
    },
    path: `/teams/${team.slug}`,
    team: team.slug,
    at: from,
  });
}
