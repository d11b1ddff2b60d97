/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useEffect, useRef } from "react";
import { IDLE } from "@/app/_actions/form-state";
import { addOverrideAction } from "@/app/_actions/teams";
import type { TeamPerson } from "@/db/queries/teams";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TzOffsetField } from "@/components/ui/tz-offset";

export function OverrideForm({ team, people }: { team: string; people: TeamPerson[] }) {
  const [state, action] = useActionState(addOverrideAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form ref={form} action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label="Add an override">
      <input type="hidden" name="team" value={team} />
      <TzOffsetField />
      <Field form="override" name="userId" label="Who covers" error={fields.userId}>
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
      <Field form="override" name="reason" label="Reason" placeholder="e.g. I take Friday night for Ana" error={fields.reason} />
      <Field form="override" name="startsAt" label="From" type="datetime-local" error={fields.startsAt} />
      <Field form="override" name="endsAt" label="Until" type="datetime-local" error={fields.endsAt} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText="Adding…">Add override</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
