/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { saveIntegrationConfig } from "@/app/_actions/integrations";
import { IDLE } from "@/app/_actions/form-state";
import type { configToForm } from "@/lib/webhooks/config-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Values = ReturnType<typeof configToForm>;

/** Maps written as "name = value" lines: simple to read, diff and paste. */
export function IntegrationConfigForm({ id, values }: { id: number; values: Values }) {
  const [state, action] = useActionState(saveIntegrationConfig, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const echo = state.status === "error" ? (state.values ?? {}) : {};
  const area = (name: Exclude<keyof Values, "pipelinesAsDeployments">, label: string, hint: string) => (
    <Field form="config" name={name} label={label} hint={hint} error={fields[name]}>
      {(props) => <textarea name={name} rows={3} defaultValue={echo[name] ?? String(values[name])} className={`${props.className} font-mono`} id={props.id} aria-invalid={props["aria-invalid"]} aria-describedby={props["aria-describedby"]} />}
    </Field>
  );
  return (
    <form action={action} className="grid gap-4 lg:grid-cols-2" noValidate aria-label="Integration mappings">
      <input type="hidden" name="id" value={id} />
      {area("serviceMap", "Services", "One per line: repository or name = service slug. Unmapped names become the slug of their last part.")}
      {area("environmentMap", "Environments", "One per line: their environment = Tandem environment.")}
      {area("deploymentWorkflows", "Workflows that deploy (GitHub)", "One workflow name per line.")}
      {area("severityMap", "Severities", "One per line: priority, urgency or label value = SEV1…SEV4.")}
      {area("alertMatchers", "Alerts that open incidents (Alertmanager)", "One per line: label = value; all must match. Empty: every alert.")}
      <Field form="config" name="severityLabel" label="Severity label (Alertmanager)" defaultValue={echo.severityLabel ?? values.severityLabel} error={fields.severityLabel} />
      <div className="flex items-center gap-2">
        <input id="config-pipelines" type="checkbox" name="pipelinesAsDeployments" defaultChecked={values.pipelinesAsDeployments} className="h-4 w-4" />
        <label htmlFor="config-pipelines" className="text-sm">
          GitLab pipelines are deployments
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4 lg:col-span-2">
        <SubmitButton>Save mappings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
