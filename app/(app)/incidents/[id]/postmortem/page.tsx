import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
import { recordIdOf } from "@/lib/whole-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("IncidentPage"))("postmortem") };
}

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

/** The postmortem of an incident and the follow-ups it decides, each with an owner and a due day. */
export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const t = await getTranslations("IncidentPage");
  const { id } = await params;
  const db = getDatabase();
  const recordNumber = recordIdOf(id);
  const incident = recordNumber === undefined ? undefined : await findIncidentById(db.read, recordNumber);
  if (!incident) notFound();
  const canEdit = userCan(user.role, "record");
  return (
    <>
      <PageHeader
        title={t.rich("postmortemPage.title", { title: incident.title, data })}
        description={t.rich("description", { id: String(incident.id), service: await serviceSlugOf(db.read, incident.serviceId), data })}
      />
      <div className="space-y-8">
        <section aria-labelledby="postmortem" className="space-y-3">
          <h2 id="postmortem" className="text-lg font-semibold">
            {t("postmortemPage.whatHappened")}
          </h2>
          {incident.postmortem ? (
            <div translate="no">
              <Markdown markdown={incident.postmortem} html={incident.postmortemHtml} className={`${cardClass} text-sm`} data-testid="postmortem" />
            </div>
          ) : (
            <p className="text-sm text-muted">{t("postmortemPage.none")}</p>
          )}
          {canEdit ? (
            <details open={!incident.postmortem}>
              <summary className="cursor-pointer text-sm font-medium">{t("respond.writePostmortem")}</summary>
              <div className="mt-3">
                <TextUpdateForm action={postmortemAction} incidentId={incident.id} name="postmortem" label={t("postmortem")} submit={t("respond.savePostmortem")} initial={incident.postmortem ?? ""} rows={10} />
              </div>
            </details>
          ) : null}
        </section>
        <ActionItemsSection incidentId={incident.id} canEdit={canEdit} adding="open" />
        <Link href={`/incidents/${incident.id}`} className="text-sm text-accent underline">
          {t("postmortemPage.back")}
        </Link>
      </div>
    </>
  );
}
