import type { Queryable } from "@/db/database";
import { countOpenOwnedBy, listActionItems } from "@/db/queries/action-items";
import { changesAwaiting } from "@/db/queries/changes";
import { countOpenLedBy } from "@/db/queries/incidents";
import { listChangesByIds, listIncidents } from "@/db/queries/lists";
import { userCan, type UserRole } from "@/lib/auth/roles";

type Person = { id: string; role: UserRole };

/** Change requests this person may decide now: approvers only, never their own (changesAwaiting). */
const approvalsFor = async (q: Queryable, person: Person) => (userCan(person.role, "approve") ? changesAwaiting(q, person.id) : []);

/**
 * Everything waiting for one person ("My work"): the changes they may decide, the open incidents they
 * lead and the action items they own that are still open (overdue first, then by due day).
 */
export async function myWork(q: Queryable, person: Person) {
  return {
    approvals: await listChangesByIds(q, await approvalsFor(q, person)),
    incidents: await listIncidents(q, 100, { leadId: person.id, openOnly: true }),
    actionItems: await listActionItems(q, { ownerId: person.id, openOnly: true }),
  };
}

/** How many things wait for this person: the number in the navigation, the same three lists counted. */
export async function waitingCount(q: Queryable, person: Person): Promise<number> {
  return (await approvalsFor(q, person)).length + (await countOpenLedBy(q, person.id)) + (await countOpenOwnedBy(q, person.id));
}
