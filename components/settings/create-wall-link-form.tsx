/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useState } from "react";
import { addWallLink } from "@/app/_actions/wall-links";
import { IDLE } from "@/app/_actions/form-state";
import { DEFAULT_ROTATE_SECONDS } from "@/lib/wall/limits";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";

/** Three rows cover the usual walls (a team, another team, incidents only); the CLI takes up to six. */
const VIEW_ROWS = 3;
/** How long each view stays up, from a glance (10 s) to a slow rotation (5 min). */
const ROTATE_CHOICES = [5, 10, 15, 30, 60, 120, 300];

type Service = { slug: string; name: string };

/**
 * Services picked from a list: the choices travel as one comma-separated field, the form the schema
 * (and the CLI) already reads, since a form post keeps only one value per name.
 */
function ServicePicker({ name, services, initial, props }: { name: string; services: Service[]; initial: string; props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string } }) {
  const [chosen, setChosen] = useState(() => initial.split(/[\s,]+/).filter(Boolean));
  return (
    <>
      <select multiple size={Math.min(4, Math.max(2, services.length))} value={chosen} onChange={(e) => setChosen([...e.target.selectedOptions].map((o) => o.value))} {...props}>
        {services.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.name === s.slug ? s.slug : `${s.name} (${s.slug})`}
          </option>
        ))}
      </select>
      <input type="hidden" name={name} value={chosen.join(",")} />
    </>
  );
}

function ViewRow({ index, teams, services, values, fields }: { index: number; teams: string[]; services: Service[]; values: Record<string, string>; fields: Record<string, string> }) {
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
      <Field form={form} name={key("services")} label="Services (optional)" hint="None chosen: all of the team's. Ctrl/⌘-click for several." error={fields[key("services")]}>
        {(props) => <ServicePicker name={key("services")} services={services} initial={values[key("services")] ?? ""} props={props} />}
      </Field>
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

/** The new link, shown once: its URL to copy, a QR code to open it on a TV or phone, and a preview. */
function CreatedLink({ url, qr }: { url: string; qr: string }) {
  return (
    <div className="flex flex-wrap items-start gap-4 rounded-md border border-warning bg-warning-soft p-3" data-testid="new-wall-link">
      <div className="min-w-0 flex-1 space-y-2">
        <label htmlFor="new-wall-link" className="block text-sm font-medium">
          Wall link (shown once)
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input id="new-wall-link" readOnly value={url} className={`${inputClass} min-w-0 flex-1 font-mono`} />
          <CopyButton text={url} label="Copy wall link" />
        </div>
        <a href={url} target="_blank" rel="noopener" className="inline-block text-sm font-medium text-accent underline">
          Preview the wall<span className="sr-only"> (opens in a new tab)</span>
        </a>
      </div>
      {/* A data URL of the server-rendered SVG: dark on white in either scheme, as cameras read it best. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={qr} alt="QR code of the wall link: scan it to open the wall on a TV or phone" width={160} height={160} className="rounded bg-white" data-testid="wall-link-qr" />
    </div>
  );
}

export function CreateWallLinkForm({ teams, services }: { teams: string[]; services: Service[] }) {
  const [state, action] = useActionState(addWallLink, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const created = state.status === "success" && state.data?.url && state.data.qr ? { url: state.data.url, qr: state.data.qr } : undefined;
  return (
    <div className="space-y-3">
      <form key={JSON.stringify(values)} action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label="Create a wall link">
        <Field form="wall" name="name" label="Link name" placeholder="e.g. Payments TV" defaultValue={values.name} error={fields.name} />
        <Field form="wall" name="expires" label="Expires (optional)" type="date" hint="Works to the end of this day (UTC); empty: until revoked" defaultValue={values.expires} error={fields.expires} />
        <Field form="wall" name="rotate" label="Seconds per view" hint="When the link holds several views" error={fields.rotate}>
          {(props) => (
            <select name="rotate" defaultValue={values.rotate ?? String(DEFAULT_ROTATE_SECONDS)} {...props}>
              {ROTATE_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s < 60 ? `${s} seconds` : `${s / 60} minute${s === 60 ? "" : "s"}`}
                </option>
              ))}
            </select>
          )}
        </Field>
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
        <Field form="wall" name="theme" label="Colours" error={fields.theme}>
          {(props) => (
            <select name="theme" defaultValue={values.theme ?? "dark"} {...props}>
              <option value="dark">Dark (most TVs)</option>
              <option value="light">Light (a bright room)</option>
            </select>
          )}
        </Field>
        {Array.from({ length: VIEW_ROWS }, (_, i) => (
          <ViewRow key={i} index={i} teams={teams} services={services} values={values} fields={fields} />
        ))}
        {fields.views ? <p className="text-sm text-danger sm:col-span-3">{fields.views}</p> : null}
        <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
          <SubmitButton>Create wall link</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {created ? <CreatedLink url={created.url} qr={created.qr} /> : null}
    </div>
  );
}
