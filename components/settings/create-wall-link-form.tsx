"use client";

import { useActionState } from "react";
import { addWallLink } from "@/lib/actions/wall-links";
import { IDLE } from "@/lib/actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";

export function CreateWallLinkForm({ teams, baseUrl }: { teams: string[]; baseUrl: string }) {
  const [state, action] = useActionState(addWallLink, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const path = state.status === "success" ? state.data?.path : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label="Create a wall link">
        <Field form="wall" name="name" label="Link name" placeholder="e.g. Payments TV" error={fields.name} />
        <Field form="wall" name="team" label="Team" error={fields.team}>
          {(props) => (
            <select name="team" defaultValue="" {...props}>
              <option value="">All teams</option>
              {teams.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form="wall" name="expires" label="Expires (optional, ISO-8601)" placeholder="2027-01-31T00:00:00Z" error={fields.expires} />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
          <SubmitButton>Create wall link</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {path ? (
        <div className="rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-wall-link" className="block text-sm font-medium">
            Wall link (shown once)
          </label>
          <input id="new-wall-link" readOnly value={`${baseUrl}${path}`} className={`${inputClass} mt-2 font-mono`} />
        </div>
      ) : null}
    </div>
  );
}
