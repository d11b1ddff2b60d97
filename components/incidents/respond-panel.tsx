/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Incident } from "@/db/schema";
import { acknowledgeAction, addNoteAction, moveIncidentAction, postmortemAction, setCommunicationsAction, setLeadAction } from "@/app/_actions/incident-response";
import { nextStatuses } from "@/lib/incidents/state-machine";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { CorrectTimesForm } from "./correct-times-form";
import { TextUpdateForm } from "./text-update-form";

const VERB: Record<string, string> = { investigating: "Reopen", identified: "Cause identified", monitoring: "Fix deployed: monitoring", resolved: "Resolve" };

/** What a responder does from the incident page: move it on, acknowledge, lead, communications, post updates, correct times. */
export function RespondPanel({ incident, people }: { incident: Incident; people: { id: string; name: string; email: string }[] }) {
  const id = String(incident.id);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        {incident.acknowledgedAt ? null : (
          <InlineActionForm action={acknowledgeAction} hidden={{ incidentId: id }} label="Acknowledge">
            <button type="submit" className={buttonClass.primary}>
              Acknowledge
            </button>
          </InlineActionForm>
        )}
        {nextStatuses(incident.status).map((to) => (
          <InlineActionForm key={to} action={moveIncidentAction} hidden={{ incidentId: id, status: to }} label={`Move to ${to}`}>
            <button type="submit" className={to === "resolved" ? buttonClass.primary : buttonClass.secondary}>
              {incident.status === "resolved" ? VERB.investigating : VERB[to]}
            </button>
          </InlineActionForm>
        ))}
      </div>
      <InlineActionForm action={setLeadAction} hidden={{ incidentId: id }} label="Incident lead">
        <label htmlFor="incident-lead" className="text-sm font-medium">
          Lead
        </label>
        <select id="incident-lead" name="leadId" defaultValue={incident.leadId ?? ""} className={`${inputClass} w-56`}>
          <option value="">Nobody yet</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass.secondary}>
          Set lead
        </button>
      </InlineActionForm>
      <InlineActionForm action={setCommunicationsAction} hidden={{ incidentId: id }} label="Incident communications">
        <label htmlFor="incident-communications" className="text-sm font-medium">
          Communications
        </label>
        <select id="incident-communications" name="communications" defaultValue={people.find((p) => p.id === incident.communicationsId)?.email ?? ""} className={`${inputClass} w-56`}>
          <option value="">Nobody yet</option>
          {people.map((p) => (
            <option key={p.id} value={p.email}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass.secondary}>
          Set communications
        </button>
      </InlineActionForm>
      <TextUpdateForm action={addNoteAction} incidentId={incident.id} name="body" label="Post an update" submit="Post update" resetOnSuccess />
      <details>
        <summary className="cursor-pointer text-sm font-medium">Correct the times</summary>
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
        <summary className="cursor-pointer text-sm font-medium">Write the postmortem (Markdown)</summary>
        <div className="mt-3">
          <TextUpdateForm action={postmortemAction} incidentId={incident.id} name="postmortem" label="Postmortem" submit="Save postmortem" initial={incident.postmortem ?? ""} rows={10} />
        </div>
      </details>
    </div>
  );
}
