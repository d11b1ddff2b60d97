"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/app/_actions/form-state";
import { addOverrideAction } from "@/app/_actions/teams";
import type { TeamPerson } from "@/db/queries/teams";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ReaderTimeZoneField } from "@/components/ui/reader-time-zone";

export function OverrideForm({ team, people }: { team: string; people: TeamPerson[] }) {
  const t = useTranslations("Teams.overrideForm");
  const [state, action] = useActionState(addOverrideAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form ref={form} action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label={t("label")}>
      <input type="hidden" name="team" value={team} />
      <ReaderTimeZoneField />
      <Field form="override" name="userId" label={t("who")} error={fields.userId}>
        {(props) => (
          <select name="userId" defaultValue="" {...props}>
            <option value="">{t("choose")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id} translate="no">
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="override" name="reason" label={t("reason")} placeholder={t("reasonPlaceholder")} error={fields.reason} />
      <Field form="override" name="startsAt" label={t("from")} type="datetime-local" error={fields.startsAt} />
      <Field form="override" name="endsAt" label={t("until")} type="datetime-local" error={fields.endsAt} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText={t("pending")}>{t("submit")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
