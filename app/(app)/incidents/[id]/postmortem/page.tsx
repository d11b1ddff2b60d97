/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { findIncidentById, serviceSlugOf } from "@/db/queries/incidents";
import { postmortemAction } from "@/app/_actions/incident-response";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { ActionItemsSection } from "@/components/incidents/action-items-section";
import { TextUpdateForm } from "@/components/incidents/text-update-form";
import { Markdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Postmortem" };

/** The postmortem of an incident and the follow-ups it decides, each with an owner and a due day. */
export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const db = getDatabase();
  const incident = /^\d+$/.test(id) ? await findIncidentById(db.read, Number(id)) : undefined;
  if (!incident) notFound();
  const canEdit = userCan(user.role, "record");
  return (
    <>
      <PageHeader title={`Postmortem: ${incident.title}`} description={`Incident #${incident.id} · ${await serviceSlugOf(db.read, incident.serviceId)}`} />
      <div className="space-y-8">
        <section aria-labelledby="postmortem" className="space-y-3">
          <h2 id="postmortem" className="text-lg font-semibold">
            What happened
          </h2>
          {incident.postmortem ? (
            <Markdown markdown={incident.postmortem} html={incident.postmortemHtml} className={`${cardClass} text-sm`} data-testid="postmortem" />
          ) : (
            <p className="text-sm text-muted">No postmortem written yet.</p>
          )}
          {canEdit ? (
            <details open={!incident.postmortem}>
              <summary className="cursor-pointer text-sm font-medium">Write the postmortem (Markdown)</summary>
              <div className="mt-3">
                <TextUpdateForm action={postmortemAction} incidentId={incident.id} name="postmortem" label="Postmortem" submit="Save postmortem" initial={incident.postmortem ?? ""} rows={10} />
              </div>
            </details>
          ) : null}
        </section>
        <ActionItemsSection incidentId={incident.id} canEdit={canEdit} adding="open" />
        <Link href={`/incidents/${incident.id}`} className="text-sm text-accent underline">
          Back to the incident
        </Link>
      </div>
    </>
  );
}
