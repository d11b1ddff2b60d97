"use client";

import { useActionState } from "react";
import { editService } from "@/lib/actions/services";
import { IDLE } from "@/lib/actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Editable = { slug: string; name: string; team: string | null; description: string | null; repository: string | null };

export function EditServiceForm({ service }: { service: Editable }) {
  const [state, action] = useActionState(editService, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const value = (k: keyof Editable) => values[k] ?? service[k] ?? "";
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Edit service">
      <input type="hidden" name="slug" value={service.slug} />
      <Field form="service" name="name" label="Name" defaultValue={value("name")} error={fields.name} />
      <Field form="service" name="team" label="Team" hint="A slug, e.g. payments. Empty for none." defaultValue={value("team")} error={fields.team} />
      <Field form="service" name="repository" label="Repository URL" type="url" defaultValue={value("repository")} error={fields.repository} />
      <Field form="service" name="description" label="Description" error={fields.description}>
        {(props) => <textarea name="description" rows={3} defaultValue={value("description")} {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>Save service</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
