"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { addChannel } from "@/app/_actions/notifications";
import { IDLE } from "@/app/_actions/form-state";
import type { ChannelKind, NotificationEventType } from "@/db/schema";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { EVENT_NAMES } from "./event-names";
import { richTags } from "@/components/i18n/rich";

// Listed here rather than imported from db/: a value import would ship the table definitions to the browser.
const KINDS = ["webhook", "slack", "teams", "email"] as const satisfies readonly ChannelKind[];
const EVENTS = Object.keys(EVENT_NAMES).filter((e) => e !== "tandem.test") as NotificationEventType[];

export function CreateChannelForm({ teams }: { teams: string[] }) {
  const t = useTranslations("Channels");
  const [state, action] = useActionState(addChannel, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  // A refused form comes back as it was sent (React resets it after the action): keyed on it, it remounts filled in.
  const values = state.status === "error" ? (state.values ?? {}) : undefined;
  const secret = state.status === "success" ? state.data?.secret : undefined;
  return (
    <div className="space-y-4">
      <form key={JSON.stringify(values ?? {})} ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={t("form")}>
        <Field form="channel" name="kind" label={t("kind")} error={fields.kind}>
          {(props) => (
            <select name="kind" defaultValue={values?.kind ?? "webhook"} {...props}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form="channel" name="name" label={t("channelName")} placeholder={t("namePlaceholder")} autoComplete="off" defaultValue={values?.name} error={fields.name} />
        <div className="sm:col-span-2">
          <Field
            form="channel"
            name="target"
            label={t("target")}
            hint={KINDS.map((k) => (
              <span key={k} className="me-1">
                {t.rich(`kindHints.${k}`, richTags)}
              </span>
            ))}
            placeholder={t("targetPlaceholder")}
            autoComplete="off"
            defaultValue={values?.target}
            error={fields.target}
          />
        </div>
        <Field form="channel" name="team" label={t("team")} hint={t("teamHint")} list="channel-teams" autoComplete="off" defaultValue={values?.team} error={fields.team} />
        <Field form="channel" name="locale" label={t("language")} hint={t("languageHint")} error={fields.locale}>
          {(props) => (
            <select name="locale" defaultValue={values?.locale ?? "en"} {...props}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l} translate="no">
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <datalist id="channel-teams">
          {teams.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <fieldset className="sm:col-span-2" aria-describedby={fields.events ? "channel-events-error channel-events-hint" : "channel-events-hint"}>
          <legend className="text-sm font-medium">{t("events")}</legend>
          <p id="channel-events-hint" className="text-xs text-muted">
            {t("eventsHint")}
          </p>
          <div className="mt-1 grid gap-1 sm:grid-cols-3">
            {EVENTS.map((event) => (
              <label key={event} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={`events.${event}`} defaultChecked={values ? values[`events.${event}`] === "on" : true} />
                {t(`eventNames.${EVENT_NAMES[event]}`)}
              </label>
            ))}
          </div>
          {fields.events ? (
            <p id="channel-events-error" className="text-sm text-danger">
              {fields.events}
            </p>
          ) : null}
        </fieldset>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <SubmitButton pendingText={t("creating")}>{t("submit")}</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {secret ? (
        <div className="space-y-2 rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-channel-secret" className="block text-sm font-medium">
            {t("secret")}
          </label>
          <input id="new-channel-secret" readOnly value={secret} className={`${inputClass} font-mono`} />
          <p className="text-xs">{t.rich("secretHint", richTags)}</p>
        </div>
      ) : null}
    </div>
  );
}
