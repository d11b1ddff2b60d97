/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { editService } from "@/app/_actions/services";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChangeReuse } from "@/db/schema";

type Editable = {
  slug: string;
  name: string;
  team: string | null;
  description: string | null;
  repository: string | null;
  requireChange: string[];
  changeToleranceMinutes: number;
  changeReuse: ChangeReuse;
};

export function EditServiceForm({ service }: { service: Editable }) {
  const [state, action] = useActionState(editService, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const value = (k: "name" | "team" | "description" | "repository") => values[k] ?? service[k] ?? "";
  const reuse = values.changeReuse ?? service.changeReuse;
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Edit service">
      <input type="hidden" name="slug" value={service.slug} />
      <Field form="service" name="name" label="Name" defaultValue={value("name")} error={fields.name} />
      <Field form="service" name="team" label="Team" hint="A slug, e.g. payments. Empty for none." defaultValue={value("team")} error={fields.team} />
      <Field form="service" name="repository" label="Repository URL" type="url" defaultValue={value("repository")} error={fields.repository} />
      <Field form="service" name="description" label="Description" error={fields.description}>
        {(props) => <textarea name="description" rows={3} defaultValue={value("description")} {...props} />}
      </Field>
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Deployment gating</legend>
        <Field
          form="service"
          name="requireChange"
          label="Environments that require an approved change"
          hint="Comma-separated, e.g. production, staging. Deployments there are refused (and the gate denies them) unless they name an approved change request of this service. Empty: none."
          defaultValue={values.requireChange ?? service.requireChange.join(", ")}
          error={fields.requireChange}
        />
        <Field
          form="service"
          name="changeToleranceMinutes"
          label="Window tolerance (minutes)"
          hint="How long before or after a normal change's planned window its deployment may still run."
          type="number"
          min={0}
          max={1440}
          inputMode="numeric"
          defaultValue={values.changeToleranceMinutes ?? String(service.changeToleranceMinutes)}
          error={fields.changeToleranceMinutes}
        />
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className="text-sm font-medium">An approved change authorises</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="changeReuse" value="once" defaultChecked={reuse === "once"} className="h-4 w-4" />
            One deployment: it is then implemented, and the next deployment needs a new change
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="changeReuse" value="until_closed" defaultChecked={reuse === "until_closed"} className="h-4 w-4" />
            Every deployment until it is closed (rejected or cancelled)
          </label>
          <p className="text-xs text-muted">Only deployments to environments that require a change use it up; with none listed, production deployments do.</p>
          {fields.changeReuse ? <p className="text-sm text-danger">{fields.changeReuse}</p> : null}
        </fieldset>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>Save service</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
