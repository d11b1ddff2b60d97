import { useTranslations } from "next-intl";
import type { Incident, IncidentStatus } from "@/db/schema";
import { acknowledgeAction, addNoteAction, moveIncidentAction, postmortemAction, setCommunicationsAction, setLeadAction } from "@/app/_actions/incident-response";
import { nextStatuses, primaryStep } from "@/lib/incidents/state-machine";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { CorrectTimesForm } from "./correct-times-form";
import { TextUpdateForm } from "./text-update-form";

/**
 * The incident's next steps, at the top of its page: the likely next one (acknowledge, then one step of
 * the flow) first and as the primary button, the other moves after it (issue 16).
 */
export function RespondActions({ incident }: { incident: Incident }) {
  const t = useTranslations("IncidentPage.respond");
  const status = useTranslations("Terms.incidentStatus");
  const id = String(incident.id);
  const primary = primaryStep(incident);
  const moves = nextStatuses(incident.status).sort((a, b) => Number(b === primary) - Number(a === primary));
  const verb = (to: IncidentStatus) => (incident.status === "resolved" ? t("reopen") : t(`move.${to}`));
  return (
    <div role="group" aria-label={t("steps")} className="flex flex-wrap items-center gap-3">
      {incident.acknowledgedAt ? null : (
        <InlineActionForm action={acknowledgeAction} hidden={{ incidentId: id }} label={t("acknowledge")}>
          <button type="submit" className={primary === "acknowledge" ? buttonClass.primary : buttonClass.secondary}>
            {t("acknowledge")}
          </button>
        </InlineActionForm>
      )}
      {moves.map((to) => (
        <InlineActionForm key={to} action={moveIncidentAction} hidden={{ incidentId: id, status: to }} label={t("moveTo", { status: status(to) })}>
          <button type="submit" className={to === primary ? buttonClass.primary : buttonClass.secondary}>
            {verb(to)}
          </button>
        </InlineActionForm>
      ))}
    </div>
  );
}

type Person = { id: string; name: string; email: string };

/**
 * The rest of what a responder does from the incident page: lead, communications, post updates, correct
 * times, write the postmortem. `leads` and `communications` are who each picker offers.
 */
export function RespondPanel({ incident, leads, communications }: { incident: Incident; leads: Person[]; communications: Person[] }) {
  const t = useTranslations("IncidentPage.respond");
  const page = useTranslations("IncidentPage");
  const nouns = useTranslations("Terms.nouns");
  const id = String(incident.id);
  return (
    <div className="space-y-6">
      <InlineActionForm action={setLeadAction} hidden={{ incidentId: id }} label={t("leadForm")}>
        <label htmlFor="incident-lead" className="text-sm font-medium">
          {nouns("lead")}
        </label>
        <select id="incident-lead" name="leadId" defaultValue={incident.leadId ?? ""} className={`${inputClass} w-56`}>
          <option value="">{t("nobody")}</option>
          {leads.map((p) => (
            <option key={p.id} value={p.id} translate="no">
              {p.name}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass.secondary}>
          {t("setLead")}
        </button>
      </InlineActionForm>
      <InlineActionForm action={setCommunicationsAction} hidden={{ incidentId: id }} label={t("communicationsForm")}>
        <label htmlFor="incident-communications" className="text-sm font-medium">
          {nouns("communications")}
        </label>
        <select id="incident-communications" name="communications" defaultValue={communications.find((p) => p.id === incident.communicationsId)?.email ?? ""} className={`${inputClass} w-56`}>
          <option value="">{t("nobody")}</option>
          {communications.map((p) => (
            <option key={p.id} value={p.email} translate="no">
              {p.name}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass.secondary}>
          {t("setCommunications")}
        </button>
      </InlineActionForm>
      <TextUpdateForm action={addNoteAction} incidentId={incident.id} name="body" label={t("postUpdate")} submit={t("postUpdateSubmit")} resetOnSuccess />
      <details>
        <summary className="cursor-pointer text-sm font-medium">{t("correctTimes")}</summary>
        <div className="mt-3">
          <CorrectTimesForm
            incidentId={incident.id}
            startedAt={incident.startedAt.toISOString()}
            acknowledgedAt={incident.acknowledgedAt?.toISOString() ?? null}
            resolvedAt={incident.resolvedAt?.toISOString() ?? null}
          />
        </div>
      </details>
      <details open={incident.status === "resolved" && !incident.postmortem}>
        <summary className="cursor-pointer text-sm font-medium">{t("writePostmortem")}</summary>
        <div className="mt-3">
          <TextUpdateForm action={postmortemAction} incidentId={incident.id} name="postmortem" label={page("postmortem")} submit={t("savePostmortem")} initial={incident.postmortem ?? ""} rows={10} />
        </div>
      </details>
    </div>
  );
}
