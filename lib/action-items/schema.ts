import { z } from "zod";
import { ACTION_ITEM_STATUSES } from "@/db/schema/action-items";
import { calendarDaySchema, emailSchema, linkSchema, oneOf, requiredText } from "@/lib/validation";
import { recordId } from "@/lib/whole-number";

/* Action items: one set of field rules for the API, the server actions and their forms. */

const fields = {
  title: requiredText(200),
  /** The owner's email. */
  owner: emailSchema,
  dueDate: calendarDaySchema,
  status: oneOf(ACTION_ITEM_STATUSES),
  url: linkSchema.nullable(),
};

/** POST /api/v1/incidents/{id}/action-items: new items start open unless told otherwise. */
export const actionItemCreateSchema = z.object({ ...fields, status: fields.status.optional(), url: fields.url.optional() });
export type ActionItemCreate = z.output<typeof actionItemCreateSchema>;

/** PATCH /api/v1/action-items/{id}: the fields sent change. */
export const actionItemPatchSchema = z
  .object(fields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, "send at least one field to change");
export type ActionItemPatch = z.output<typeof actionItemPatchSchema>;

const id = (what: string) => recordId(`must be an ${what} id`);

/** The forms post every field as text: an empty link means none, the rest as the API. */
export const newActionItemFormSchema = actionItemCreateSchema.extend({ incidentId: id("incident") });
export const editActionItemFormSchema = z.object({ ...fields, actionItemId: id("action item") });
