"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { acknowledgeIncident, addIncidentNote, correctIncidentTimes, declareWithLead, moveIncident, savePostmortem, setIncidentCommunications, setIncidentLead } from "@/lib/incidents/respond";
import { acknowledgeSchema, communicationsSchema, correctTimesSchema, declareFormSchema, leadSchema, moveIncidentSchema, noteSchema, postmortemSchema } from "@/lib/incidents/forms";
import { AppError } from "@/lib/errors";
import { findServiceBySlug } from "@/db/queries/services";
import { authorizedAction } from "./authorized-action";

const refresh = (id: number) => {
  revalidatePath(`/incidents/${id}`);
  revalidatePath("/", "layout");
};

export const declareIncident = authorizedAction({ schema: declareFormSchema, permission: "record", doing: "declare incidents", labels: { startedAt: "Impact began", leadId: "Lead" } }, async ({ leadId, ...input }, { user, db }) => {
  if (!(await findServiceBySlug(db.read, input.service))) throw new AppError("bad_request", `service: no service ${input.service}`, { service: "is not a known service" });
  const { incident } = await declareWithLead(db, user, input, leadId);
  revalidatePath("/", "layout");
  redirect(`/incidents/${incident.id}`);
});

export const moveIncidentAction = authorizedAction({ schema: moveIncidentSchema, permission: "record", doing: "update incidents" }, async ({ incidentId, status, note }, { user, db }) => {
  await moveIncident(db, user, incidentId, status, note || undefined);
  refresh(incidentId);
  const t = await getTranslations();
  return { message: t("IncidentActions.moved", { status: t(`Terms.incidentStatus.${status}`) }) };
});

export const acknowledgeAction = authorizedAction({ schema: acknowledgeSchema, permission: "record", doing: "acknowledge incidents" }, async ({ incidentId }, { user, db }) => {
  await acknowledgeIncident(db, user, incidentId);
  refresh(incidentId);
  return { message: (await getTranslations())("IncidentActions.acknowledged") };
});

export const addNoteAction = authorizedAction({ schema: noteSchema, permission: "record", doing: "add incident updates", labels: { body: "Update" } }, async ({ incidentId, body }, { user, db }) => {
  await addIncidentNote(db, user, incidentId, body);
  refresh(incidentId);
  return { message: (await getTranslations())("IncidentActions.posted") };
});

export const setLeadAction = authorizedAction({ schema: leadSchema, permission: "record", doing: "assign incident leads" }, async ({ incidentId, leadId }, { user, db }) => {
  await setIncidentLead(db, user, incidentId, leadId);
  refresh(incidentId);
  return { message: (await getTranslations())(leadId ? "IncidentActions.leadAssigned" : "IncidentActions.leadCleared") };
});

export const setCommunicationsAction = authorizedAction({ schema: communicationsSchema, permission: "record", doing: "assign the communications role" }, async ({ incidentId, communications }, { user, db }) => {
  await setIncidentCommunications(db, user, incidentId, communications);
  refresh(incidentId);
  return { message: (await getTranslations())(communications ? "IncidentActions.communicationsAssigned" : "IncidentActions.communicationsCleared") };
});

export const correctTimesAction = authorizedAction({ schema: correctTimesSchema, permission: "record", doing: "correct incident times" }, async ({ incidentId, startedAt, acknowledgedAt, resolvedAt }, { user, db }) => {
  await correctIncidentTimes(db, user, incidentId, { startedAt: startedAt!, acknowledgedAt, resolvedAt });
  refresh(incidentId);
  return { message: (await getTranslations())("IncidentActions.timesCorrected") };
});

export const postmortemAction = authorizedAction({ schema: postmortemSchema, permission: "record", doing: "write postmortems" }, async ({ incidentId, postmortem }, { user, db }) => {
  await savePostmortem(db, user, incidentId, postmortem);
  refresh(incidentId);
  return { message: (await getTranslations())("IncidentActions.postmortemSaved") };
});
