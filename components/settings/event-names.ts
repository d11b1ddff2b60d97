import type { NotificationEventType } from "@/db/schema";

/** Each notification event's name in the catalogs (Channels.eventNames): its code is what the API and CLI use. */
export const EVENT_NAMES = {
  "incident.declared": "incidentDeclared",
  "incident.updated": "incidentUpdated",
  "incident.resolved": "incidentResolved",
  "change.submitted": "changeSubmitted",
  "change.decided": "changeDecided",
  "deployment.failed": "deploymentFailed",
  "gate.denied": "gateDenied",
  "action_item.overdue": "actionItemOverdue",
  "oncall.handoff": "oncallHandoff",
  "tandem.test": "test",
} as const satisfies Record<NotificationEventType | "tandem.test", string>;

export const eventName = (code: string) => (code in EVENT_NAMES ? EVENT_NAMES[code as keyof typeof EVENT_NAMES] : undefined);
