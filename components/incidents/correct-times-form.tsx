"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { correctTimesAction } from "@/app/_actions/incident-response";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ReaderTimeZoneField, useLocalInputValue } from "@/components/ui/reader-time-zone";

/** Corrections keep started ≤ acknowledged ≤ resolved; the old values stay in the updates and the audit log. */
export function CorrectTimesForm({ incidentId, startedAt, acknowledgedAt, resolvedAt }: { incidentId: number; startedAt: string; acknowledgedAt: string | null; resolvedAt: string | null }) {
  const t = useTranslations("IncidentPage");
  const [state, action] = useActionState(correctTimesAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const stored = {
    startedAt: useLocalInputValue(startedAt),
    acknowledgedAt: useLocalInputValue(acknowledgedAt),
    resolvedAt: useLocalInputValue(resolvedAt),
  };
  // A refused correction shows what was typed beside its error (React resets the form after the action), not the stored times.
  const values = state.status === "error" ? { ...stored, ...state.values } : stored;
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label={t("respond.correctTimesForm")} key={JSON.stringify(values)}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <ReaderTimeZoneField />
      <Field form="times" name="startedAt" label={t("times.started")} type="datetime-local" defaultValue={values.startedAt} error={fields.startedAt} />
      <Field form="times" name="acknowledgedAt" label={t("times.acknowledged")} type="datetime-local" defaultValue={values.acknowledgedAt} error={fields.acknowledgedAt} />
      <Field form="times" name="resolvedAt" label={t("times.resolved")} type="datetime-local" defaultValue={values.resolvedAt} error={fields.resolvedAt} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
        <SubmitButton>{t("respond.saveTimes")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
