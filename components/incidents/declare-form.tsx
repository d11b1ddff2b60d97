/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useState } from "react";
import { declareIncident } from "@/app/_actions/incident-response";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { ServiceField } from "@/components/ui/service-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TzOffsetField } from "@/components/ui/tz-offset";

type Person = { id: string; name: string };
/** Anyone may lead; the communications role needs someone whose role can record (`responder`). */
type Candidate = Person & { email: string; responder: boolean };

/**
 * Title, service and severity are enough at 3 a.m.; the rest can wait. The lead starts as the on-call
 * person of the chosen service's team, and follows the service until someone picks a lead by hand.
 */
export function DeclareIncidentForm({ services, people, onCall }: { services: { slug: string; name: string }[]; people: Candidate[]; onCall: Record<string, Person> }) {
  const [state, action] = useActionState(declareIncident, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const [service, setService] = useState(values.service ?? "");
  const [chosenLead, setChosenLead] = useState<string | null>(values.leadId ?? null);
  const suggested = onCall[service];
  const lead = chosenLead ?? suggested?.id ?? "";
  return (
    <form key={JSON.stringify(values)} action={action} className="grid max-w-2xl gap-4" noValidate aria-label="Declare incident">
      <TzOffsetField />
      <Field form="declare" name="title" label="What is wrong?" defaultValue={values.title} autoComplete="off" autoFocus error={fields.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ServiceField form="declare" services={services} value={values.service} error={fields.service} onChange={setService} />
        <Field form="declare" name="severity" label="Severity" error={fields.severity}>
          {(props) => (
            <select name="severity" defaultValue={values.severity ?? "SEV2"} {...props}>
              <option value="SEV1">SEV1 — critical, customers cannot use the product</option>
              <option value="SEV2">SEV2 — major, a key feature is down</option>
              <option value="SEV3">SEV3 — minor, degraded</option>
              <option value="SEV4">SEV4 — low, cosmetic or internal</option>
            </select>
          )}
        </Field>
      </div>
      <Field form="declare" name="leadId" label="Lead" error={fields.leadId} hint={suggested ? `${suggested.name} is on call for this service's team.` : "Nobody is on call for this service's team; choose a lead or leave it for later."}>
        {(props) => (
          <select name="leadId" value={lead} onChange={(e) => setChosenLead(e.target.value)} {...props}>
            <option value="">Nobody yet</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {suggested?.id === p.id ? " (on call)" : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="declare" name="startedAt" label="Impact began (optional)" type="datetime-local" hint="Leave empty for now." defaultValue={values.startedAt} error={fields.startedAt} />
      <Field form="declare" name="communications" label="Communications (optional)" hint="Who keeps stakeholders informed." error={fields.communications}>
        {(props) => (
          <select name="communications" defaultValue={values.communications ?? ""} {...props}>
            <option value="">Nobody yet</option>
            {people.filter((p) => p.responder).map((p) => (
              <option key={p.id} value={p.email}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="declare" name="summary" label="Summary (optional, Markdown)" error={fields.summary}>
        {(props) => <textarea name="summary" rows={3} defaultValue={values.summary} {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText="Declaring…">Declare incident</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
