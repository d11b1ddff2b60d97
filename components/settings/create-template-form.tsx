/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { addTemplate } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateTemplateForm({ services }: { services: { slug: string; name: string }[] }) {
  const [state, action] = useActionState(addTemplate, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label="Add a standard change">
      <div className="sm:col-span-2">
        <Field form="template" name="title" label="Title" hint="What the change does, e.g. Dependency bump." error={fields.title} />
      </div>
      <Field form="template" name="service" label="Service" error={fields.service}>
        {(props) => (
          <select name="service" defaultValue="" {...props}>
            <option value="">None: a team&apos;s services</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="template" name="team" label="Team" hint="A team slug, when no service is chosen." error={fields.team} />
      <Field form="template" name="maxRisk" label="Risk up to" error={fields.maxRisk}>
        {(props) => (
          <select name="maxRisk" defaultValue="low" {...props}>
            <option value="low">low</option>
            <option value="medium">medium</option>
            <option value="high">high</option>
          </select>
        )}
      </Field>
      <Field form="template" name="description" label="Description" error={fields.description}>
        {(props) => <textarea name="description" rows={2} {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>Add to catalog</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
