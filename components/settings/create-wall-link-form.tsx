"use client";

import { useActionState } from "react";
import { addWallLink } from "@/app/_actions/wall-links";
import { IDLE } from "@/app/_actions/form-state";
import { DEFAULT_ROTATE_SECONDS } from "@/lib/wall/limits";
import { Field } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";

/** Three rows cover the usual walls (a team, another team, incidents only); the CLI takes up to six. */
const VIEW_ROWS = 3;

function ViewRow({ index, teams, values, fields }: { index: number; teams: string[]; values: Record<string, string>; fields: Record<string, string> }) {
  const key = (field: string) => `views.${index}.${field}`;
  const form = `wall-v${index}`;
  return (
    <fieldset className="grid gap-3 rounded-md border border-border p-3 sm:col-span-3 sm:grid-cols-4">
      <legend className="px-1 text-sm font-semibold">{`View ${index + 1}${index === 0 ? "" : " (optional)"}`}</legend>
      <Field form={form} name={key("name")} label="View name" placeholder={index === 0 ? "named after its team" : "e.g. Incidents"} defaultValue={values[key("name")]} error={fields[key("name")]} />
      <Field form={form} name={key("team")} label="Team" error={fields[key("team")]}>
        {(props) => (
          <select name={key("team")} defaultValue={values[key("team")] ?? ""} {...props}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name={key("services")} label="Services (optional)" hint="Slugs, separated by commas" defaultValue={values[key("services")]} error={fields[key("services")]} />
      <Field form={form} name={key("panels")} label="Shows" error={fields[key("panels")]}>
        {(props) => (
          <select name={key("panels")} defaultValue={values[key("panels")] ?? "all"} {...props}>
            <option value="all">Everything</option>
            <option value="incidents">Open incidents only</option>
          </select>
        )}
      </Field>
    </fieldset>
  );
}

export function CreateWallLinkForm({ teams, baseUrl }: { teams: string[]; baseUrl: string }) {
  const [state, action] = useActionState(addWallLink, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const path = state.status === "success" ? state.data?.path : undefined;
  return (
    <div className="space-y-3">
      <form key={JSON.stringify(values)} action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label="Create a wall link">
        <Field form="wall" name="name" label="Link name" placeholder="e.g. Payments TV" defaultValue={values.name} error={fields.name} />
        <Field form="wall" name="expires" label="Expires (optional, ISO-8601)" placeholder="2027-01-31T00:00:00Z" defaultValue={values.expires} error={fields.expires} />
        <Field form="wall" name="rotate" label="Seconds per view" type="number" min={5} max={3600} defaultValue={values.rotate ?? String(DEFAULT_ROTATE_SECONDS)} hint="When the link holds several views" error={fields.rotate} />
        <Field form="wall" name="locale" label="Language" hint="Fixes the wall's language, whoever's browser shows it" error={fields.locale}>
          {(props) => (
            <select name="locale" defaultValue={values.locale ?? ""} {...props}>
              <option value="">As the TV&apos;s browser says</option>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {Array.from({ length: VIEW_ROWS }, (_, i) => (
          <ViewRow key={i} index={i} teams={teams} values={values} fields={fields} />
        ))}
        {fields.views ? <p className="text-sm text-danger sm:col-span-3">{fields.views}</p> : null}
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
