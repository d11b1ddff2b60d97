"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addCalendarFeed } from "@/app/_actions/calendar-feeds";
import { IDLE } from "@/app/_actions/form-state";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";

export function CreateCalendarFeedForm({ teams, baseUrl }: { teams: string[]; baseUrl: string }) {
  const t = useTranslations("SettingsCalendarFeeds.form");
  const [state, action] = useActionState(addCalendarFeed, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const path = state.status === "success" ? state.data?.path : undefined;
  const url = path ? `${baseUrl}${path}` : undefined;
  return (
    <div className="space-y-3">
      <form key={JSON.stringify(values)} action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label={t("label")}>
        <Field form="calendar-feed" name="name" label={t("name")} placeholder={t("namePlaceholder")} defaultValue={values.name} error={fields.name} />
        <Field form="calendar-feed" name="team" label={t("team")} error={fields.team}>
          {(props) => (
            <select name="team" defaultValue={values.team ?? ""} {...props}>
              <option value="">{t("allTeams")}</option>
              {teams.map((team) => (
                <option key={team} value={team} translate="no">
                  {team}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex flex-wrap items-end gap-4">
          <SubmitButton pendingText={t("pending")}>{t("submit")}</SubmitButton>
        </div>
        <div className="sm:col-span-3">
          <FormMessage state={state} />
        </div>
      </form>
      {url ? (
        <div className="rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-calendar-feed" className="block text-sm font-medium">
            {t("shownOnce")}
          </label>
          <div className="mt-2 flex gap-2">
            <input id="new-calendar-feed" readOnly value={url} translate="no" className={`${inputClass} min-w-0 font-mono`} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={url} label={t("copy")} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
