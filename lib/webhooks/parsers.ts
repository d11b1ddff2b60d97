import { parseAlertmanager } from "./alertmanager";
import { parseCdEvents } from "./cdevents";
import { parseGitHub } from "./github";
import { parseGitLab } from "./gitlab";
import { parseOpsgenie } from "./opsgenie";
import { parsePagerDuty } from "./pagerduty";
import type { WebhookParser, WebhookSource } from "./types";

export const PARSERS: Record<WebhookSource, WebhookParser> = {
  github: parseGitHub,
  gitlab: parseGitLab,
  pagerduty: parsePagerDuty,
  opsgenie: parseOpsgenie,
  alertmanager: parseAlertmanager,
  cdevents: parseCdEvents,
};
