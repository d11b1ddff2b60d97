/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { addFreeze } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TzOffsetField } from "@/components/ui/tz-offset";

export function FreezeForm({ services }: { services: { slug: string; name: string }[] }) {
  const [state, action] = useActionState(addFreeze, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label="Set a freeze window">
      <TzOffsetField />
      <Field form="freeze" name="name" label="Name" error={fields.name} />
      <Field form="freeze" name="service" label="Service" error={fields.service}>
        {(props) => (
          <select name="service" defaultValue="" {...props}>
            <option value="">Every service</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="freeze" name="startsAt" label="Starts" type="datetime-local" error={fields.startsAt} />
      <Field form="freeze" name="endsAt" label="Ends" type="datetime-local" error={fields.endsAt} />
      <div className="sm:col-span-2">
        <Field form="freeze" name="reason" label="Reason" error={fields.reason} />
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>Set freeze</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
