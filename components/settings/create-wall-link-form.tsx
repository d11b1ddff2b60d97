"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { addWallLink } from "@/app/_actions/wall-links";
import { IDLE } from "@/app/_actions/form-state";
import { DEFAULT_ROTATE_SECONDS } from "@/lib/wall/limits";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";
import { richTags } from "@/components/i18n/rich";

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
          <option key={s.slug} value={s.slug} translate="no">
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
  const t = useTranslations("SettingsWallLinks.form");
  const form = `wall-v${index}`;
  return (
    <fieldset className="grid gap-3 rounded-md border border-border p-3 sm:col-span-3 sm:grid-cols-4">
      <legend className="px-1 text-sm font-semibold">{t(index === 0 ? "view" : "viewOptional", { number: index + 1 })}</legend>
      <Field form={form} name={key("name")} label={t("viewName")} placeholder={t(index === 0 ? "viewNameFirst" : "viewNamePlaceholder")} defaultValue={values[key("name")]} error={fields[key("name")]} />
      <Field form={form} name={key("team")} label={t("team")} error={fields[key("team")]}>
        {(props) => (
          <select name={key("team")} defaultValue={values[key("team")] ?? ""} {...props}>
            <option value="">{t("allTeams")}</option>
            {teams.map((team) => (
              <option key={team} value={team} translate="no">
                {team}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name={key("services")} label={t("services")} hint={t("servicesHint")} error={fields[key("services")]}>
        {(props) => <ServicePicker name={key("services")} services={services} initial={values[key("services")] ?? ""} props={props} />}
      </Field>
      <Field form={form} name={key("panels")} label={t("shows")} error={fields[key("panels")]}>
        {(props) => (
          <select name={key("panels")} defaultValue={values[key("panels")] ?? "all"} {...props}>
            <option value="all">{t("showsAll")}</option>
            <option value="incidents">{t("showsIncidents")}</option>
          </select>
        )}
      </Field>
    </fieldset>
  );
}

/** The new link, shown once: its URL to copy, a QR code to open it on a TV or phone, and a preview. */
function CreatedLink({ url, qr }: { url: string; qr: string }) {
  const t = useTranslations("SettingsWallLinks.form");
  return (
    <div className="flex flex-wrap items-start gap-4 rounded-md border border-warning bg-warning-soft p-3" data-testid="new-wall-link">
      <div className="min-w-0 flex-1 space-y-2">
        <label htmlFor="new-wall-link" className="block text-sm font-medium">
          {t("shownOnce")}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input id="new-wall-link" readOnly value={url} translate="no" className={`${inputClass} min-w-0 flex-1 font-mono`} />
          <CopyButton text={url} label={t("copy")} />
        </div>
        <a href={url} target="_blank" rel="noopener" className="inline-block text-sm font-medium text-accent underline">
          {t.rich("preview", richTags)}
        </a>
      </div>
      {/* A data URL of the server-rendered SVG: dark on white in either scheme, as cameras read it best. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={qr} alt={t("qr")} width={160} height={160} className="rounded bg-white" data-testid="wall-link-qr" />
    </div>
  );
}

export function CreateWallLinkForm({ teams, services }: { teams: string[]; services: Service[] }) {
  const t = useTranslations("SettingsWallLinks.form");
  const [state, action] = useActionState(addWallLink, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const created = state.status === "success" && state.data?.url && state.data.qr ? { url: state.data.url, qr: state.data.qr } : undefined;
  return (
    <div className="space-y-3">
      <form key={JSON.stringify(values)} action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label={t("label")}>
        <Field form="wall" name="name" label={t("name")} placeholder={t("namePlaceholder")} defaultValue={values.name} error={fields.name} />
        <Field form="wall" name="expires" label={t("expires")} type="date" hint={t("expiresHint")} defaultValue={values.expires} error={fields.expires} />
        <Field form="wall" name="rotate" label={t("rotate")} hint={t("rotateHint")} error={fields.rotate}>
          {(props) => (
            <select name="rotate" defaultValue={values.rotate ?? String(DEFAULT_ROTATE_SECONDS)} {...props}>
              {ROTATE_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s < 60 ? t("seconds", { count: s }) : t("minutes", { count: s / 60 })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form="wall" name="locale" label={t("language")} hint={t("languageHint")} error={fields.locale}>
          {(props) => (
            <select name="locale" defaultValue={values.locale ?? ""} {...props}>
              <option value="">{t("languageBrowser")}</option>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale} translate="no">
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form="wall" name="theme" label={t("theme")} error={fields.theme}>
          {(props) => (
            <select name="theme" defaultValue={values.theme ?? "dark"} {...props}>
              <option value="dark">{t("themeDark")}</option>
              <option value="light">{t("themeLight")}</option>
            </select>
          )}
        </Field>
        {Array.from({ length: VIEW_ROWS }, (_, i) => (
          <ViewRow key={i} index={i} teams={teams} services={services} values={values} fields={fields} />
        ))}
        {fields.views ? <p className="text-sm text-danger sm:col-span-3">{fields.views}</p> : null}
        <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
          <SubmitButton>{t("submit")}</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {created ? <CreatedLink url={created.url} qr={created.qr} /> : null}
    </div>
  );
}
