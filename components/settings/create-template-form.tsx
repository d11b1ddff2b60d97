"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addTemplate } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import type { CHANGE_RISKS } from "@/db/schema";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Written out rather than imported: a client component keeps the schema module out of the browser bundle. */
const RISKS = ["low", "medium", "high"] as const satisfies readonly (typeof CHANGE_RISKS)[number][];

export function CreateTemplateForm({ services }: { services: { slug: string; name: string }[] }) {
  const t = useTranslations("SettingsCatalog.form");
  const risk = useTranslations("Terms.risk");
  const [state, action] = useActionState(addTemplate, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label={t("label")}>
      <div className="sm:col-span-2">
        <Field form="template" name="title" label={t("title")} hint={t("titleHint")} error={fields.title} />
      </div>
      <Field form="template" name="service" label={t("service")} error={fields.service}>
        {(props) => (
          <select name="service" defaultValue="" {...props}>
            <option value="">{t("serviceNone")}</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug} translate="no">
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="template" name="team" label={t("team")} hint={t("teamHint")} error={fields.team} />
      <Field form="template" name="maxRisk" label={t("maxRisk")} error={fields.maxRisk}>
        {(props) => (
          <select name="maxRisk" defaultValue="low" {...props}>
            {RISKS.map((level) => (
              <option key={level} value={level}>
                {risk(level)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="template" name="description" label={t("description")} error={fields.description}>
        {(props) => <textarea name="description" rows={2} {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>{t("submit")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
