import { fieldErrors } from "./errors";

/*
 * The one place that turns validation problems into what a form shows. The API and the rules speak in
 * field keys ("title": "is required", the contract's error format); a person reads the field's label in a
 * sentence ("Title is required"), beside the field and in the form's message.
 */

/** Labels a form gives its fields, by full key ("views.0.name"), by key with `*` for list positions ("views.*.name"), or by last key. */
export type FieldLabels = Record<string, string>;

/** "startedAt" → "Started", "leadId" → "Lead", "rollbackPlan" → "Rollback plan". */
function labelFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
  if (words.length > 1 && (words.at(-1) === "at" || words.at(-1) === "id")) words.pop();
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The label of a field key as the form shows it. */
export function fieldLabel(key: string, labels: FieldLabels = {}): string {
  const last = key.split(".").filter((part) => !/^\d+$/.test(part)).at(-1) ?? key;
  // Own labels only: a key such as "constructor" comes from the input.
  const own = (k: string) => (Object.hasOwn(labels, k) ? labels[k] : undefined);
  return own(key) ?? own(key.replace(/\.\d+(?=\.|$)/g, ".*")) ?? own(last) ?? labelFromKey(last);
}

/** A problem that reads on from the field's name ("is required", "must be…"); others follow a colon. */
const CONTINUES = /^(is|are|must|has|have|should|can|cannot|does|was|needs|already)\b/;

/** "Title is required"; a time field the problem mentions ("must not be before startedAt") is named by its label too. */
export function fieldSentence(key: string, problem: string, labels: FieldLabels = {}): string {
  if (key === "_") return problem.charAt(0).toUpperCase() + problem.slice(1);
  const label = fieldLabel(key, labels);
  const named = problem.replace(/\b[a-z]+At\b/g, (word) => fieldLabel(word, labels).toLowerCase());
  return CONTINUES.test(named) ? `${label} ${named}` : `${label}: ${named}`;
}

/** A form's error state: a sentence per field, and a message that leads with the first and counts the rest. */
export function formErrors(fields: Record<string, string>, labels: FieldLabels = {}): { message: string; fields: Record<string, string> } {
  const sentences = Object.fromEntries(Object.entries(fields).map(([key, problem]) => [key, fieldSentence(key, problem, labels)]));
  const [first, ...rest] = Object.entries(sentences);
  if (!first) return { message: "Check the form and try again.", fields: sentences };
  const others = rest.filter(([key]) => key !== "_").map(([key]) => fieldLabel(key, labels));
  const message = others.length ? `${first[1]}. Also check: ${others.join(", ")}.` : `${first[1]}.`;
  return { message: message.replace(/\.\.$/, "."), fields: sentences };
}

/** The same, straight from zod's issues. */
export function formErrorsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, labels: FieldLabels = {}) {
  return formErrors(fieldErrors(issues), labels);
}

/*
 * Other languages. The rules and the API keep speaking English ("must be at most 200 characters"); a form
 * shown in another language reads each problem through this table, which names the catalog message
 * (`Problems.<key>`, with `{field}` and the captured arguments) of every problem text lib/ produces.
 * A capture named `other` is another field's key ("must not be before startedAt") and reads as its label.
 */
export const PROBLEMS: ReadonlyArray<{ key: string; pattern: RegExp }> = [
  { key: "required", pattern: /^is required$|^Invalid input: expected \w+, received undefined$/ },
  { key: "requiredFor", pattern: /^is required for (?<kind>normal) changes$/ },
  { key: "requiredForStandard", pattern: /^is required for a standard change: name a template of the standard change catalog, or file a normal change$/ },
  { key: "requiredWhen", pattern: /^is required when status is (?<status>[\w ]+)$/ },
  { key: "emptyUnlessResolved", pattern: /^must be empty unless status is resolved$/ },
  { key: "onlyStandard", pattern: /^is only for standard changes$/ },
  { key: "standardFromCatalog", pattern: /^A standard change must be filed from the standard change catalog: name one of its templates, or file a normal change\.$/ },
  { key: "templateService", pattern: /^The standard change "(?<title>.*)" covers (?<service>\S+), not (?<value>\S+); file a normal change instead\.$/ },
  { key: "templateTeam", pattern: /^The standard change "(?<title>.*)" covers the services of team (?<team>\S+), and (?<value>\S+) is not one; file a normal change instead\.$/ },
  { key: "templateRisk", pattern: /^The standard change "(?<title>.*)" carries at most (?<maxRisk>\w+) risk, not (?<risk>\w+); file a normal change instead\.$/ },
  { key: "serviceOrTeam", pattern: /^choose the service it covers, or name a team$/ },
  { key: "serviceAndTeam", pattern: /^leave empty when a service is chosen: a template covers one service or one team$/ },
  { key: "alreadyInStatus", pattern: /^the incident is already (?<status>\w+)$/ },
  { key: "reopenFirst", pattern: /^a resolved incident must be reopened \(back to investigating\) first$/ },
  { key: "notEmpty", pattern: /^must not be (?:empty|blank)$/ },
  { key: "text", pattern: /^must be text$|^Invalid input: expected string, received \w+$/ },
  { key: "nul", pattern: /^must not contain a NUL character$/ },
  { key: "singleLine", pattern: /^must be one line, without line breaks, tabs or other control characters$/ },
  { key: "surrogate", pattern: /^must not contain an unpaired surrogate/ },
  { key: "tooLong", pattern: /^must be at most (?<max>[\d,]+) characters$|^Too big: expected string to have <=(?<max2>\d+) characters$/ },
  { key: "tooShort", pattern: /^must be at least (?<min>\d+) characters$|^Too small: expected string to have >=(?<min2>\d+) characters$/ },
  { key: "atMost", pattern: /^must be at most (?<max>\d+)(?: (?<unit>minutes|hours))?$|^Too big: expected number to be <=(?<max2>\d+)$/ },
  { key: "atLeast", pattern: /^must be at least (?<min>\d+)(?: (?<unit>minutes|hours))?$|^Too small: expected number to be >=(?<min2>\d+)$/ },
  { key: "positive", pattern: /^Too small: expected number to be >0$/ },
  { key: "between", pattern: /^must be between (?<min>\d+) and (?<max>\d+)$/ },
  { key: "notNegative", pattern: /^must not be negative$/ },
  { key: "number", pattern: /^must be a number(?: of (?<unit>minutes|hours))?$|^Invalid input: expected number, received \w+$/ },
  { key: "wholeNumber", pattern: /^must be a whole number(?: of (?<unit>minutes|hours))?$|^Invalid input: expected int, received \w+$/ },
  { key: "wholeNumberBetween", pattern: /^must be a whole number(?: of (?<unit>seconds))? between (?<min>\d+) and (?<max>\d+)$/ },
  { key: "approveOrReject", pattern: /^must be approve or reject$/ },
  { key: "oneOf", pattern: /^must be one of (?<choices>.+)$|^must be (?<choices2>(?:[\w-]+, )*[\w-]+ or [\w-]+)$|^Invalid option: expected one of (?<choices3>.+)$/ },
  { key: "email", pattern: /^must be an email address$/ },
  { key: "emailForChannel", pattern: /^must be an email address for an email channel$/ },
  { key: "httpUrlExample", pattern: /^must be an http\(s\) URL such as (?<example>\S+)$/ },
  { key: "httpUrl", pattern: /^must be an http\(s\) URL(?:, not \S+)?$/ },
  { key: "host", pattern: /^must name a host$/ },
  { key: "urlCredentials", pattern: /^must have a user and password written with valid %-escapes$/ },
  { key: "slug", pattern: /^must be a slug: lower-case letters, digits and dashes/ },
  { key: "timestamp", pattern: /^must be an ISO-8601 timestamp with an offset, e\.g\. (?<example>\S+)$/ },
  { key: "dateOrTimestamp", pattern: /^must be a date \((?<day>[\d-]+)\) or an ISO-8601 timestamp, e\.g\. (?<example>\S+)$/ },
  { key: "dateTime", pattern: /^must be a date and time$/ },
  { key: "calendarDay", pattern: /^must be a date(?:, | written )YYYY-MM-DD(?:, e\.g\. \S+)?$/ },
  { key: "notOnCalendar", pattern: /^is not a date on the calendar$/ },
  { key: "dateTimeNotOnCalendar", pattern: /^is not a date and time on the calendar$/ },
  { key: "timeOfDay", pattern: /^must be a time of day, HH:MM \(24-hour\)$/ },
  { key: "ianaTimeZone", pattern: /^must be an IANA time zone, e\.g\. (?<example>\S+)$/ },
  { key: "shiftHours", pattern: /^must divide a day/ },
  { key: "inFuture", pattern: /^must be in the future$/ },
  { key: "after", pattern: /^must be after (?<other>[a-z]\w*)$/ },
  { key: "afterStart", pattern: /^must be after the start$/ },
  { key: "notBefore", pattern: /^must not be before (?<other>[a-z]\w*)$/ },
  { key: "before", pattern: /^must be before (?<other>[a-z]\w*)$/ },
  { key: "sha", pattern: /^must be a commit sha/ },
  { key: "id", pattern: /^must be an?(?: [\w ]+)? id$|^must be an id \(number\) or an externalId \(string\)$|^must be a template's id/ },
  { key: "appId", pattern: /^must be the GitHub App's numeric id$/ },
  { key: "privateKey", pattern: /^must be the GitHub App's private key/ },
  { key: "gitlabToken", pattern: /^must be a GitLab access token/ },
  { key: "listEnvironments", pattern: /^must be a list of environments$/ },
  { key: "listEvents", pattern: /^must be a list of event types$/ },
  { key: "atLeastOneEvent", pattern: /^must list at least one event$/ },
  { key: "listServices", pattern: /^must be a list of service slugs$/ },
  { key: "listAtMost", pattern: /^must list at most (?<max>\d+) (?<what>environments|commits)$|^may (?:hold|name) at most (?<max2>\d+) (?<what2>views|services)$/ },
  { key: "tooManyEvents", pattern: /^names too many events$/ },
  { key: "atLeastOneView", pattern: /^name at least one view$/ },
  { key: "mappingLine", pattern: /^line (?<line>\d+) must look like "name = value"$/ },
  { key: "nothingToChange", pattern: /^send at least one field to change$/ },
  { key: "gateSources", pattern: /^only GitHub and GitLab integrations answer deployment gates$/ },
  { key: "addresses", pattern: /^must list at least one address or network$/ },
  { key: "needsSmtp", pattern: /^needs TANDEM_SMTP_URL to be set$/ },
  { key: "wallViews", pattern: /^must list the wall's views$/ },
  { key: "batchMax", pattern: /^must hold at most (?<max>\d+) deployments$/ },
  { key: "batchEmpty", pattern: /^must hold at least one deployment$/ },
  { key: "unknownService", pattern: /^is not a known service$/ },
  { key: "noService", pattern: /^there is no service (?<value>\S+) \(check the spelling, or record it first\)$/ },
  { key: "noChange", pattern: /^no change request has id (?<value>\d+)$/ },
  { key: "noDeployment", pattern: /^no deployment has \S+ (?<value>.+)$/ },
  { key: "selfRollback", pattern: /^a deployment cannot roll itself back$/ },
  // The gate's reason codes (lib/changes/gate.ts) a recorded deployment is refused for.
  { key: "gateRefused", pattern: /^(?<reasons>(?:change_\w+|freeze|open_incident)(?:, (?:change_\w+|freeze|open_incident))*)$/ },
  { key: "teamWithoutServices", pattern: /^no service belongs to team (?<value>\S+) \(check the spelling, or record its services first\)$/ },
  { key: "unknownPerson", pattern: /^is not a known person$/ },
  { key: "notAUser", pattern: /^is not the email of a Tandem user$/ },
  { key: "deactivatedUser", pattern: /^is the email of a deactivated user$/ },
  { key: "deactivatedPerson", pattern: /^is a deactivated user$/ },
  { key: "viewerCannotRecord", pattern: /^is a viewer, who cannot record incidents or action items$/ },
  { key: "memberAlready", pattern: /^is a member already$/ },
  { key: "choosePerson", pattern: /^choose a person$/ },
  { key: "noTeam", pattern: /^no team (?<value>\S+)$/ },
  { key: "overrideOverlaps", pattern: /^This override overlaps another one \((?<from>\S+) to (?<to>\S+)\); change or remove that one first$/ },
  { key: "inUse", pattern: /^is already in use$|^is taken by another team$|^already used for another service$/ },
  { key: "inCatalog", pattern: /^is already in the catalog$/ },
  { key: "notTemplate", pattern: /^is not a template of the standard change catalog$/ },
  { key: "reserved", pattern: /^is reserved and cannot be mapped$/ },
  { key: "unknownEvent", pattern: /^has (?<value>.+), which is not one of (?<choices>.+)$/ },
  { key: "misplaced", pattern: /^has "(?<value>.*)" where (?<expected>.+) belongs$/ },
  { key: "invalid", pattern: /^Invalid input/ },
];

/** The catalog message of a problem text and its arguments (twins such as `max2`, for a second wording, fold into `max`), if the table knows it. */
export function problemKey(problem: string): { key: string; values: Record<string, string> } | undefined {
  for (const { key, pattern } of PROBLEMS) {
    const match = pattern.exec(problem);
    if (!match) continue;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) if (value !== undefined) values[name.replace(/[2-9]$/, "")] = value;
    return { key, values };
  }
  return undefined;
}

/** A catalog lookup: next-intl's translator (`createTranslator`) fits, narrowed to what this file needs. */
export type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

/** Every argument a problem message may name, so ICU's selects always have a value. */
const NO_ARGUMENTS = { kind: "", status: "", max: "", min: "", unit: "none", choices: "", example: "", day: "", other: "", what: "", value: "", expected: "", from: "", to: "", title: "", service: "", team: "", risk: "", maxRisk: "", reasons: "", line: "" };

/** Arguments that name values the catalogs' Terms word (an incident's status, a risk, the gate's reasons), by the Terms group that words them. */
const TERMS: Record<string, string> = { status: "incidentStatus", risk: "risk", maxRisk: "risk", reasons: "gateReason" };

/** Items listed a language's way; in Chinese with a space between Latin letters or figures and characters ("SEV1 或 SEV2"). */
function list(locale: string, type: "conjunction" | "disjunction", items: string[], style: Intl.ListFormatStyle = "long"): string {
  return new Intl.ListFormat(locale, { type, style })
    .format(items)
    .replace(/(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])/g, " ");
}

/** A field's label in the catalog's language: `Fields.<key>` by the last part of the key ("views.0.name" → name). */
export function fieldLabelIn(t: Translate, key: string): string {
  const last = key.split(".").filter((part) => !/^\d+$/.test(part)).at(-1) ?? key;
  return t.has(`Fields.${last}`) ? t(`Fields.${last}`) : labelFromKey(last);
}

/** One field's problem as a sentence of the catalog's language. */
export function fieldSentenceIn(t: Translate, locale: string, key: string, problem: string, name?: string): string {
  const field = name ?? (key === "_" ? t("Forms.input") : fieldLabelIn(t, key));
  const known = problemKey(problem);
  if (!known) {
    // "acme/api: must be a slug…": a problem of one entry of a field, named by the entry.
    const [, part, inner] = /^([^:\s][^:]*): (.+)$/.exec(problem) ?? [];
    const within = part && inner && problemKey(inner) ? fieldSentenceIn(t, locale, "_", inner, part) : undefined;
    return t("Problems.other", { field, problem: within ?? problem });
  }
  const values: Record<string, string> = { ...NO_ARGUMENTS, ...known.values, field };
  if (known.values.other) values.other = fieldLabelIn(t, known.values.other);
  // "a, b or c", "a|b": the values themselves, listed the catalog language's way.
  if (known.values.choices) values.choices = list(locale, "disjunction", known.values.choices.split(/, | or |\|/).map((c) => c.replaceAll('"', "")));
  for (const [name, group] of Object.entries(TERMS)) {
    const words = known.values[name]?.split(", ").map((value) => (t.has(`Terms.${group}.${value}`) ? t(`Terms.${group}.${value}`) : value));
    // "a, b": reasons as they stand side by side, without an "and" between them.
    if (words) values[name] = list(locale, "conjunction", words, "narrow");
  }
  return t(`Problems.${known.key}`, values);
}

/**
 * formErrors in a language other than English: each field's sentence, and a message that leads with the
 * first and lists the other fields, all from the catalog (`Problems`, `Fields`, `Forms`).
 */
export function formErrorsIn(t: Translate, locale: string, fields: Record<string, string>): { message: string; fields: Record<string, string> } {
  const sentences = Object.fromEntries(Object.entries(fields).map(([key, problem]) => [key, fieldSentenceIn(t, locale, key, problem)]));
  const [first, ...rest] = Object.entries(sentences);
  if (!first) return { message: t("Forms.checkForm"), fields: sentences };
  const others = rest.filter(([key]) => key !== "_").map(([key]) => fieldLabelIn(t, key));
  // A problem the table does not know may end its own sentence ("…first."): the summary gives it its full stop.
  const lead = first[1].replace(/[.。]$/, "");
  return { message: t("Forms.summary", { first: lead, count: others.length, others: list(locale, "conjunction", others) }), fields: sentences };
}
