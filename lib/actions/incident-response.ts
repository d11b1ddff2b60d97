"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { findUserById } from "@/db/queries/users";
import { recordIncident } from "@/lib/incidents/record";
import { acknowledgeIncident, addIncidentNote, correctIncidentTimes, moveIncident, savePostmortem, setIncidentLead } from "@/lib/incidents/respond";
import { acknowledgeSchema, correctTimesSchema, declareIncidentSchema, leadSchema, moveIncidentSchema, noteSchema, postmortemSchema } from "@/lib/incidents/forms";
import { AppError } from "@/lib/errors";
import { findServiceBySlug } from "@/db/queries/services";
import { authorizedAction } from "./authorized-action";

const refresh = (id: number) => {
  revalidatePath(`/incidents/${id}`);
  revalidatePath("/", "layout");
};

export const declareIncident = authorizedAction({ schema: declareIncidentSchema, permission: "record", doing: "declare incidents" }, (input, { user, db }) => {
  if (!findServiceBySlug(db, input.service)) throw new AppError("bad_request", `service: no service ${input.service}`, { service: "is not a known service" });
  const { incident } = recordIncident(db, user, "ui", input);
  revalidatePath("/", "layout");
  redirect(`/incidents/${incident.id}`);
});

export const moveIncidentAction = authorizedAction({ schema: moveIncidentSchema, permission: "record", doing: "update incidents" }, ({ incidentId, status, note }, { user, db }) => {
  moveIncident(db, user, incidentId, status, note || undefined);
  refresh(incidentId);
  return { message: `Now ${status}.` };
});

export const acknowledgeAction = authorizedAction({ schema: acknowledgeSchema, permission: "record", doing: "acknowledge incidents" }, ({ incidentId }, { user, db }) => {
  acknowledgeIncident(db, user, incidentId);
  refresh(incidentId);
  return { message: "Acknowledged." };
});

export const addNoteAction = authorizedAction({ schema: noteSchema, permission: "record", doing: "add incident updates" }, ({ incidentId, body }, { user, db }) => {
  addIncidentNote(db, user, incidentId, body);
  refresh(incidentId);
  return { message: "Update posted." };
});

export const setLeadAction = authorizedAction({ schema: leadSchema, permission: "record", doing: "assign incident leads" }, ({ incidentId, leadId }, { user, db }) => {
  if (leadId && !findUserById(db, leadId)) throw new AppError("bad_request", "leadId: no such user", { leadId: "is not a user" });
  setIncidentLead(db, user, incidentId, leadId);
  refresh(incidentId);
  return { message: leadId ? "Lead assigned." : "Lead cleared." };
});

export const correctTimesAction = authorizedAction({ schema: correctTimesSchema, permission: "record", doing: "correct incident times" }, ({ incidentId, startedAt, acknowledgedAt, resolvedAt }, { user, db }) => {
  correctIncidentTimes(db, user, incidentId, { startedAt: startedAt!, acknowledgedAt, resolvedAt });
  refresh(incidentId);
  return { message: "Times corrected; the change is in the updates." };
});

export const postmortemAction = authorizedAction({ schema: postmortemSchema, permission: "record", doing: "write postmortems" }, ({ incidentId, postmortem }, { user, db }) => {
  savePostmortem(db, user, incidentId, postmortem);
  refresh(incidentId);
  return { message: "Postmortem saved." };
});
