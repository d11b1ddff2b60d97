/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { CandidateDeployment } from "@/db/queries/incidents";
import { confirmCause } from "@/app/_actions/incidents";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * Candidates for the deployment that caused an incident. Tandem never picks one itself: a wrong guess
 * would overstate the change failure rate, so a person confirms.
 */
export function CausePicker({ incidentId, causedById, candidates, hours, canEdit }: { incidentId: number; causedById: number | null; candidates: CandidateDeployment[]; hours: number; canEdit: boolean }) {
  return (
    <div className="space-y-3">
      <p className="text-sm">
        {causedById ? (
          <>
            Caused by{" "}
            <Link href={`/deployments/${causedById}`} className="font-semibold text-accent underline">
              deployment #{causedById}
            </Link>
            .
          </>
        ) : (
          "No deployment is blamed for this incident."
        )}{" "}
        Candidates: successful production deployments of this service in the {hours} hours before it started.{" "}
        <a className="text-accent underline" href={`?window=${hours * 2}`}>
          Look further back ({hours * 2} h)
        </a>
      </p>
      {candidates.length === 0 ? (
        <p className="text-sm text-muted">No deployment of this service finished in that window.</p>
      ) : (
        <TableScroll label="Candidate deployments">
          <table className={tableClass}>
            <caption className="sr-only">Candidate deployments</caption>
            <thead>
              <tr>
                <th scope="col">Deployment</th>
                <th scope="col">Environment</th>
                <th scope="col">Version</th>
                <th scope="col">Finished</th>
                <th scope="col">By</th>
                {canEdit ? <th scope="col">Cause?</th> : null}
              </tr>
            </thead>
            <tbody>
              {candidates.map((d) => (
                <tr key={d.id}>
                  <td className="font-mono">
                    <Link href={`/deployments/${d.id}`} className="text-accent underline">
                      #{d.id}
                    </Link>
                  </td>
                  <td>{d.environment}</td>
                  <td className="font-mono text-xs">{d.version ?? d.sha?.slice(0, 12) ?? "—"}</td>
                  <td className="whitespace-nowrap">
                    <LocalTime iso={d.finishedAt.toISOString()} />
                  </td>
                  <td>{d.deployedBy ?? "—"}</td>
                  {canEdit ? (
                    <td>
                      {d.id === causedById ? (
                        <span className="text-sm font-medium">confirmed</span>
                      ) : (
                        <InlineActionForm action={confirmCause} hidden={{ incidentId: String(incidentId), deploymentId: String(d.id) }} label={`Blame deployment ${d.id}`}>
                          <button type="submit" className={buttonClass.secondary}>
                            This caused it<span className="sr-only"> (deployment #{d.id})</span>
                          </button>
                        </InlineActionForm>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canEdit && causedById ? (
        <InlineActionForm action={confirmCause} hidden={{ incidentId: String(incidentId), deploymentId: "" }} label="Clear the cause">
          <button type="submit" className={buttonClass.danger}>
            Not caused by a deployment
          </button>
        </InlineActionForm>
      ) : null}
    </div>
  );
}
