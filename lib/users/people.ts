import type { Queryable } from "@/db/database";
import { findUserByEmail, findUserById, type UserSummary } from "@/db/queries/users";
import { AppError } from "@/lib/errors";

/** How an input names a person: by id (the pages' pickers) or by email (the API and the CLI). */
export type PersonRef = { id: string } | { email: string };

/** A refusal of the person an input names, by its field, for the API's message and beside the form's field. */
export const refusePerson = (field: string, problem: string) => new AppError("bad_request", `${field}: ${problem}`, { [field]: problem });

/** A deactivated person is out: they take on nothing new, and pickers do not offer them. */
export const isActive = (person: Pick<UserSummary, "banned">): boolean => !person.banned;

/**
 * The person an input names to take something on (a team, an on-call cover, a change request, a job in
 * an incident's response): a user who exists and is active.
 */
export async function activePerson(q: Queryable, field: string, ref: PersonRef): Promise<UserSummary> {
  const byEmail = "email" in ref;
  const person = byEmail ? await findUserByEmail(q, ref.email) : await findUserById(q, ref.id);
  if (!person) throw refusePerson(field, byEmail ? "is not the email of a Tandem user" : "is not a known person");
  if (!isActive(person)) throw refusePerson(field, byEmail ? "is the email of a deactivated user" : "is a deactivated user");
  return person;
}
