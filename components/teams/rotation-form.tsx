"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/app/_actions/form-state";
import { setRotationAction } from "@/app/_actions/teams";
import type { OncallRotation } from "@/db/schema";
import { SHIFT_HOURS } from "@/lib/oncall/limits";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";


/** The rotation's rule; the zone list is the runtime's own, so any zone offered is one the server knows. */
export function RotationForm({ team, rotation, zones }: { team: string; rotation: OncallRotation | null; zones: string[] }) {
  const t = useTranslations("Teams.rotation");
  const saving = useTranslations("Terms.actions")("saving");
  const shiftLabel = (h: number) => (h < 24 ? t("hours", { count: h }) : h % 168 === 0 ? t("weeks", { count: h / 168 }) : t("days", { count: h / 24 }));
  const [state, action] = useActionState(setRotationAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label={t("label")}>
      <input type="hidden" name="team" value={team} />
      <Field form="rotation" name="shiftHours" label={t("shiftLength")} error={fields.shiftHours}>
        {(props) => (
          <select name="shiftHours" defaultValue={String(rotation?.shiftHours ?? 168)} {...props}>
            {SHIFT_HOURS.map((h) => (
              <option key={h} value={h}>
                {shiftLabel(h)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="rotation" name="handoverTime" label={t("handover")} type="time" defaultValue={rotation?.handoverTime ?? "09:00"} error={fields.handoverTime} hint={t("handoverHint")} />
      <Field form="rotation" name="timeZone" label={t("timeZone")} error={fields.timeZone}>
        {(props) => (
          <select name="timeZone" defaultValue={rotation?.timeZone ?? "UTC"} {...props}>
            {zones.map((z) => (
              <option key={z} value={z} translate="no">
                {z}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="rotation" name="startsOn" label={t("startsOn")} type="date" defaultValue={rotation?.startsOn} error={fields.startsOn} hint={t("startsOnHint")} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText={saving}>{t("submit")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
