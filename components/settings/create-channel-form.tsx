/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useEffect, useRef } from "react";
import { addChannel } from "@/app/_actions/notifications";
import { IDLE } from "@/app/_actions/form-state";
import type { ChannelKind, NotificationEventType } from "@/db/schema";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/styles";

const KINDS = {
  webhook: "Any URL: signed per Standard Webhooks with a secret shown once.",
  slack: "A Slack incoming-webhook URL (https://hooks.slack.com/services/…).",
  teams: "A Teams workflow URL (“When a Teams webhook request is received”).",
  email: "An email address; Tandem sends through TANDEM_SMTP_URL.",
} as const satisfies Record<ChannelKind, string>;

// Listed here rather than imported from db/: a value import would ship the table definitions to the browser.
const EVENTS = {
  "incident.declared": "Incident declared",
  "incident.updated": "Incident updated",
  "incident.resolved": "Incident resolved",
  "change.submitted": "Change submitted",
  "change.decided": "Change decided",
  "deployment.failed": "Deployment failed",
  "gate.denied": "Gate denied a deployment",
  "action_item.overdue": "Action item overdue",
  "oncall.handoff": "On-call handoff",
} as const satisfies Record<NotificationEventType, string>;

export function CreateChannelForm({ teams }: { teams: string[] }) {
  const [state, action] = useActionState(addChannel, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  // A refused form comes back as it was sent (React resets it after the action): keyed on it, it remounts filled in.
  const values = state.status === "error" ? (state.values ?? {}) : undefined;
  const secret = state.status === "success" ? state.data?.secret : undefined;
  return (
    <div className="space-y-4">
      <form key={JSON.stringify(values ?? {})} ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Add a notification channel">
        <Field form="channel" name="kind" label="Kind" error={fields.kind}>
          {(props) => (
            <select name="kind" defaultValue={values?.kind ?? "webhook"} {...props}>
              {(Object.keys(KINDS) as ChannelKind[]).map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form="channel" name="name" label="Channel name" placeholder="e.g. #payments-alerts" autoComplete="off" defaultValue={values?.name} error={fields.name} />
        <div className="sm:col-span-2">
          <Field form="channel" name="target" label="Target" hint={Object.values(KINDS).join(" ")} placeholder="https://… or someone@example.com" autoComplete="off" defaultValue={values?.target} error={fields.target} />
        </div>
        <Field form="channel" name="team" label="Team (optional)" hint="Only this team's services; empty for every team." list="channel-teams" autoComplete="off" defaultValue={values?.team} error={fields.team} />
        <datalist id="channel-teams">
          {teams.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <fieldset className="sm:col-span-2" aria-describedby={fields.events ? "channel-events-error" : undefined}>
          <legend className="text-sm font-medium">Events</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-3">
            {(Object.entries(EVENTS) as [NotificationEventType, string][]).map(([event, label]) => (
              <label key={event} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={`events.${event}`} defaultChecked={values ? values[`events.${event}`] === "on" : true} />
                {label}
              </label>
            ))}
          </div>
          {fields.events ? (
            <p id="channel-events-error" className="text-sm text-danger">
              {fields.events}
            </p>
          ) : null}
        </fieldset>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <SubmitButton pendingText="Creating…">Add channel</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {secret ? (
        <div className="space-y-2 rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-channel-secret" className="block text-sm font-medium">
            Signing secret (shown once)
          </label>
          <input id="new-channel-secret" readOnly value={secret} className={`${inputClass} font-mono`} />
          <p className="text-xs">Verify each delivery&apos;s webhook-signature with it, as the Standard Webhooks libraries do.</p>
        </div>
      ) : null}
    </div>
  );
}
