"use client";

import { useActionState } from "react";
import { editService } from "@/app/_actions/services";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Editable = { slug: string; name: string; team: string | null; description: string | null; repository: string | null; requireApprovedChange: boolean };

export function EditServiceForm({ service }: { service: Editable }) {
  const [state, action] = useActionState(editService, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const value = (k: Exclude<keyof Editable, "requireApprovedChange">) => values[k] ?? service[k] ?? "";
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Edit service">
      <input type="hidden" name="slug" value={service.slug} />
      <Field form="service" name="name" label="Name" defaultValue={value("name")} error={fields.name} />
      <Field form="service" name="team" label="Team" hint="A slug, e.g. payments. Empty for none." defaultValue={value("team")} error={fields.team} />
      <Field form="service" name="repository" label="Repository URL" type="url" defaultValue={value("repository")} error={fields.repository} />
      <Field form="service" name="description" label="Description" error={fields.description}>
        {(props) => <textarea name="description" rows={3} defaultValue={value("description")} {...props} />}
      </Field>
      <div className="flex items-center gap-2 sm:col-span-2">
        <input id="service-gating" type="checkbox" name="requireApprovedChange" defaultChecked={service.requireApprovedChange} className="h-4 w-4" />
        <label htmlFor="service-gating" className="text-sm">
          Deployment gating: the API and the form refuse (409) a deployment unless it names an approved, unused change request of this service, inside its planned window and outside freezes
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>Save service</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
