/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useEffect, useRef } from "react";
import { addIntegration } from "@/app/_actions/integrations";
import { IDLE } from "@/app/_actions/form-state";
import type { Integration } from "@/db/schema";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";

const HOW = {
  github: "GitHub sends X-Hub-Signature-256 signed with this secret; choose the deployment, deployment_status and push events.",
  gitlab: "Paste the secret as the webhook's Secret token; choose Deployment, Push (and Pipeline) events.",
  pagerduty: "Use it as the signing secret of a v3 webhook subscription.",
  opsgenie: "Send it as Authorization: Bearer <secret> from the outgoing webhook.",
  alertmanager: "Set http_config.authorization.credentials to it in the webhook receiver.",
  cdevents: "Send it as Authorization: Bearer <secret> with each CloudEvent.",
} as const satisfies Record<Integration["source"], string>;
// From HOW rather than the schema's list: a value import from db/ would ship the table definitions to the browser.
const SOURCES = Object.keys(HOW) as Integration["source"][];

export function CreateIntegrationForm({ baseUrl }: { baseUrl: string }) {
  const [state, action] = useActionState(addIntegration, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  const created = state.status === "success" ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form ref={form} action={action} className="grid gap-4 sm:grid-cols-3" noValidate aria-label="Add an integration">
        <Field form="integration" name="source" label="Source" error={fields.source}>
          {(props) => (
            <select name="source" defaultValue="github" {...props}>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form="integration" name="name" label="Integration name" placeholder="e.g. acme org" autoComplete="off" error={fields.name} />
        <Field form="integration" name="secret" label="Secret (optional)" hint="Leave empty to generate one." autoComplete="off" error={fields.secret} />
        <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
          <SubmitButton pendingText="Creating…">Add integration</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {created?.secret ? (
        <div className="space-y-2 rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-integration-url" className="block text-sm font-medium">
            Webhook URL
          </label>
          <input id="new-integration-url" readOnly value={`${baseUrl}${created.path ?? ""}`} className={`${inputClass} font-mono`} />
          <label htmlFor="new-integration-secret" className="block text-sm font-medium">
            Secret (shown once)
          </label>
          <input id="new-integration-secret" readOnly value={created.secret} className={`${inputClass} font-mono`} />
          <p className="text-xs">{HOW[(created.source ?? "github") as keyof typeof HOW]}</p>
        </div>
      ) : null}
    </div>
  );
}
