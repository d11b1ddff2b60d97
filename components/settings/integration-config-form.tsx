"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveIntegrationConfig } from "@/app/_actions/integrations";
import { IDLE } from "@/app/_actions/form-state";
import type { configToForm } from "@/lib/webhooks/config-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Values = ReturnType<typeof configToForm>;

/** Maps written as "name = value" lines: simple to read, diff and paste. */
export function IntegrationConfigForm({ id, values }: { id: number; values: Values }) {
  const t = useTranslations("Integrations");
  const [state, action] = useActionState(saveIntegrationConfig, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const echo = state.status === "error" ? (state.values ?? {}) : {};
  const area = (name: Exclude<keyof Values, "pipelinesAsDeployments">, label: string, hint: string) => (
    <Field form="config" name={name} label={label} hint={hint} error={fields[name]}>
      {(props) => <textarea name={name} rows={3} translate="no" defaultValue={echo[name] ?? String(values[name])} className={`${props.className} font-mono`} id={props.id} aria-invalid={props["aria-invalid"]} aria-describedby={props["aria-describedby"]} />}
    </Field>
  );
  return (
    <form action={action} className="grid gap-4 lg:grid-cols-2" noValidate aria-label={t("mappingsForm")}>
      <input type="hidden" name="id" value={id} />
      {area("serviceMap", t("services"), t("servicesHint"))}
      {area("environmentMap", t("environments"), t("environmentsHint"))}
      {area("deploymentWorkflows", t("workflows"), t("workflowsHint"))}
      {area("severityMap", t("severities"), t("severitiesHint"))}
      {area("alertMatchers", t("alerts"), t("alertsHint"))}
      <Field form="config" name="severityLabel" label={t("severityLabel")} defaultValue={echo.severityLabel ?? values.severityLabel} error={fields.severityLabel} />
      <div className="flex items-center gap-2">
        <input id="config-pipelines" type="checkbox" name="pipelinesAsDeployments" defaultChecked={values.pipelinesAsDeployments} className="h-4 w-4" />
        <label htmlFor="config-pipelines" className="text-sm">
          {t("pipelines")}
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4 lg:col-span-2">
        <SubmitButton>{t("saveMappings")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
