import type { Queryable } from "@/db/database";
import type { UserSummary } from "@/db/queries/users";
import { userCan } from "@/lib/auth/roles";
import { activePerson, isActive, refusePerson, type PersonRef } from "@/lib/users/people";

/**
 * Who may take a job in an incident's response (its lead, its communications role, an action item's
 * owner): an active person whose role may record, since every job means posting updates, moving the
 * incident or closing the item. The pages' pickers offer exactly these people.
 */
export const mayRespond = (person: Pick<UserSummary, "role" | "banned">): boolean => isActive(person) && userCan(person.role, "record");

/**
 * Who a job's picker offers: the people who may respond, and whoever holds the job now though they may no
 * longer take it (deactivated, or a viewer now), so that the picker shows them rather than "Nobody" and
 * its button does not clear the job unasked; choosing them again is refused.
 */
export function pickable<P extends Pick<UserSummary, "id" | "role" | "banned">>(people: readonly P[], holder: string | null): P[] {
  return people.filter((p) => mayRespond(p) || p.id === holder);
}

/** The person an input names for a job in the response; `field` names the input in the refusal. */
export async function responder(q: Queryable, field: string, ref: PersonRef): Promise<UserSummary> {
  const person = await activePerson(q, field, ref);
  if (!mayRespond(person)) throw refusePerson(field, "is a viewer, who cannot record incidents or action items");
  return person;
}
