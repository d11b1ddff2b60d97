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
