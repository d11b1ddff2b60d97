/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { IDLE } from "@/app/_actions/form-state";
import { addMemberAction } from "@/app/_actions/teams";
import type { TeamPerson } from "@/db/queries/teams";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function AddMemberForm({ team, people }: { team: string; people: TeamPerson[] }) {
  const [state, formAction] = useActionState(addMemberAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-4" noValidate aria-label="Add a member">
      <input type="hidden" name="team" value={team} />
      <Field form="member" name="userId" label="Person" error={fields.userId}>
        {(props) => (
          <select name="userId" defaultValue="" {...props}>
            <option value="">Choose a person…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingText="Adding…">Add member</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
