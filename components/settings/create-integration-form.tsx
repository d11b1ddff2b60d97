"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { addIntegration } from "@/app/_actions/integrations";
import { IDLE } from "@/app/_actions/form-state";
import type { Integration } from "@/db/schema";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";
import { richTags } from "@/components/i18n/rich";

// Listed here rather than imported from the schema: a value import from db/ would ship the table definitions to the browser.
const SOURCES = ["github", "gitlab", "pagerduty", "opsgenie", "alertmanager", "cdevents"] as const satisfies readonly Integration["source"][];
const isSource = (s: string | undefined): s is (typeof SOURCES)[number] => (SOURCES as readonly (string | undefined)[]).includes(s);

export function CreateIntegrationForm({ baseUrl }: { baseUrl: string }) {
  const t = useTranslations("Integrations");
  const [state, action] = useActionState(addIntegration, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  const created = state.status === "success" ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form ref={form} action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label={t("form")}>
        <Field form="integration" name="source" label={t("source")} error={fields.source}>
          {(props) => (
            <select name="source" defaultValue="github" {...props}>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`sources.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form="integration" name="name" label={t("integrationName")} placeholder={t("namePlaceholder")} autoComplete="off" error={fields.name} />
        <Field form="integration" name="secret" label={t("secretOptional")} hint={t("secretHint")} autoComplete="off" error={fields.secret} />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
          <SubmitButton pendingText={t("creating")}>{t("submit")}</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {created?.secret ? (
        <div className="space-y-2 rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-integration-url" className="block text-sm font-medium">
            {t("webhookUrl")}
          </label>
          <input id="new-integration-url" readOnly value={`${baseUrl}${created.path ?? ""}`} className={`${inputClass} font-mono`} />
          <label htmlFor="new-integration-secret" className="block text-sm font-medium">
            {t("secretOnce")}
          </label>
          <input id="new-integration-secret" readOnly value={created.secret} className={`${inputClass} font-mono`} />
          <p className="text-xs">{t.rich(`how.${isSource(created.source) ? created.source : "github"}`, { ...richTags, placeholder: "<secret>" })}</p>
        </div>
      ) : null}
    </div>
  );
}
