"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addFreeze } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ReaderTimeZoneField } from "@/components/ui/reader-time-zone";

export function FreezeForm({ services }: { services: { slug: string; name: string }[] }) {
  const t = useTranslations("Freezes");
  const terms = useTranslations("Terms");
  const [state, action] = useActionState(addFreeze, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label={t("formLabel")}>
      <ReaderTimeZoneField />
      <Field form="freeze" name="name" label={t("name")} error={fields.name} />
      <Field form="freeze" name="service" label={terms("nouns.service")} error={fields.service}>
        {(props) => (
          <select name="service" defaultValue="" {...props}>
            <option value="">{t("everyServiceChoice")}</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug} translate="no">
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="freeze" name="startsAt" label={t("starts")} type="datetime-local" error={fields.startsAt} />
      <Field form="freeze" name="endsAt" label={t("ends")} type="datetime-local" error={fields.endsAt} />
      <div className="sm:col-span-2">
        <Field form="freeze" name="reason" label={t("reason")} error={fields.reason} />
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>{t("set")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
