"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { declareIncident } from "@/app/_actions/incident-response";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { ServiceField } from "@/components/ui/service-field";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import { SubmitButton } from "@/components/ui/submit-button";
import { ReaderTimeZoneField } from "@/components/ui/reader-time-zone";

type Person = { id: string; name: string };
/** Someone who may lead or take the communications role (lib/incidents/people.ts, mayRespond). */
type Candidate = Person & { email: string };

const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
const person = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

/**
 * Title, service and severity are enough at 3 a.m.; the rest can wait. Whoever declares leads until they
 * hand over (issue 16): the one person certainly awake. The on-call person of the chosen service's team is
 * named beside the lead, one click away, never picked silently.
 */
export function DeclareIncidentForm({ me, services, people, onCall }: { me: string; services: { slug: string; name: string }[]; people: Candidate[]; onCall: Record<string, Person> }) {
  const t = useTranslations("Incidents.declareForm");
  const nouns = useTranslations("Terms.nouns");
  const [state, action] = useActionState(declareIncident, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const [service, setService] = useState(values.service ?? "");
  const [lead, setLead] = useState<string>(values.leadId ?? me);
  const suggested = onCall[service];
  // The rotation may put on call someone who may not lead (a viewer, say): they are named, not offered.
  const suggestable = suggested !== undefined && people.some((p) => p.id === suggested.id);
  return (
    <form key={JSON.stringify(values)} action={action} className="grid max-w-2xl gap-4" noValidate aria-label={t("label")}>
      <ReaderTimeZoneField />
      <Field form="declare" name="title" label={t("title")} defaultValue={values.title} autoComplete="off" autoFocus error={fields.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <ServiceField form="declare" services={services} value={values.service} error={fields.service} onChange={setService} />
        <Field form="declare" name="severity" label={nouns("severity")} error={fields.severity}>
          {(props) => (
            <select name="severity" defaultValue={values.severity ?? "SEV2"} {...props}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severities.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="space-y-2">
        <Field form="declare" name="leadId" label={nouns("lead")} error={fields.leadId} hint={t("leadHint")}>
          {(props) => (
            <select name="leadId" value={lead} onChange={(e) => setLead(e.target.value)} {...props} aria-describedby={[props["aria-describedby"], service ? "declare-leadId-oncall" : null].filter(Boolean).join(" ") || undefined}>
              <option value={me}>{t("me")}</option>
              <option value="">{t("nobody")}</option>
              {people
                .filter((p) => p.id !== me)
                .map((p) => (
                  <option key={p.id} value={p.id} translate="no">
                    {p.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {service ? (
          <div className="flex flex-wrap items-center gap-3">
            <p id="declare-leadId-oncall" className="text-xs text-muted">
              {!suggested ? t("nobodyOnCall") : suggested.id === me ? t("youAreOnCall") : t.rich(suggestable ? "onCall" : "onCallCannotLead", { name: suggested.name, person })}
            </p>
            {suggested && suggestable && suggested.id !== lead ? (
              <button type="button" className={buttonClass.secondary} onClick={() => setLead(suggested.id)}>
                {t.rich("makeLead", { name: suggested.name, person })}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <Field form="declare" name="startedAt" label={t("startedAt")} type="datetime-local" hint={t("startedAtHint")} defaultValue={values.startedAt} error={fields.startedAt} />
      <Field form="declare" name="communications" label={t("communications")} hint={t("communicationsHint")} error={fields.communications}>
        {(props) => (
          <select name="communications" defaultValue={values.communications ?? ""} {...props}>
            <option value="">{t("nobody")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.email} translate="no">
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="declare" name="summary" label={t("summary")} error={fields.summary}>
        {(props) => <textarea name="summary" rows={3} defaultValue={values.summary} translate="no" {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText={t("pending")}>{t("submit")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
