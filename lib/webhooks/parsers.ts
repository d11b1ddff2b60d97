import { parseCdEvents } from "./cdevents";
import { parseGitHub } from "./github";
import { parseGitLab } from "./gitlab";
import type { WebhookParser, WebhookSource } from "./types";

export const PARSERS: Partial<Record<WebhookSource, WebhookParser>> = {
  github: parseGitHub,
  gitlab: parseGitLab,
  cdevents: parseCdEvents,
};
