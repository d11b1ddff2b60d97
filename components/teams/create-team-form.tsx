/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useEffect, useRef } from "react";
import { createTeamAction } from "@/app/_actions/teams";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateTeamForm() {
  const [state, action] = useActionState(createTeamAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Create a team">
      <Field form="team" name="name" label="Team name" placeholder="e.g. Payments" autoComplete="off" defaultValue={values?.name} error={fields.name} />
      <Field form="team" name="slug" label="Team slug" placeholder="e.g. payments" autoComplete="off" defaultValue={values?.slug} hint="What services name as their team (PUT /api/v1/services)." error={fields.slug} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText="Creating…">Create team</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
