import type { Queryable } from "@/db/database";
import { findUserByEmail, type UserSummary } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { userCan } from "@/lib/auth/roles";

/**
 * The person an email names for a job in the response (the communications role, an action item's
 * owner): an active user whose role may record, since the job means posting updates or closing the item.
 * `field` names the input in the refusal.
 */
export async function responderByEmail(q: Queryable, field: string, email: string): Promise<UserSummary> {
  const refuse = (problem: string) => new AppError("bad_request", `${field}: ${problem}`, { [field]: problem });
  const person = await findUserByEmail(q, email);
  if (!person) throw refuse("is not the email of a Tandem user");
  if (person.banned) throw refuse("is the email of a deactivated user");
  if (!userCan(person.role, "record")) throw refuse("is a viewer, who cannot record incidents or action items");
  return person;
}
