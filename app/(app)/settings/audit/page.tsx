import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listAudit, listAuditEntityTypes } from "@/db/queries/audit";
import { auditFilterSchema } from "@/lib/audit/filter";
import { requirePageUser } from "@/app/_http/session";
import { fieldErrors } from "@/lib/errors";
import { AuditFilters } from "@/components/settings/audit-filters";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AuditLog"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("manage");
  const raw = await searchParams;
  const params = { actor: one(raw.actor), entity: one(raw.entity), action: one(raw.action), from: one(raw.from), to: one(raw.to) };
  const db = getDatabase();
  const filter = auditFilterSchema.safeParse(params);
  const entries = filter.success ? await listAudit(db.read, filter.data) : [];
  const t = await getTranslations("AuditLog");
  // An entity type Tandem has no word for (a newer one in an older catalog) is shown as its code.
  const entity = (type: string) => (t.has(`entities.${type}` as never) ? <span>{t(`entities.${type}` as never)}</span> : <span translate="no">{type}</span>);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AuditFilters params={params} entityTypes={await listAuditEntityTypes(db.read)} />
      {!filter.success ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
          {Object.entries(fieldErrors(filter.error.issues)).map(([k, v]) => `${k} ${v}`).join("; ")}
        </p>
      ) : entries.length === 0 ? (
        <p className="text-sm">{t("noMatch")}</p>
      ) : (
        <TableScroll label={t("entries")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("actor")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("entity")}</th>
                <th scope="col">{t("beforeAfter")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry">
                  <td className="whitespace-nowrap">
                    <LocalTime iso={e.at.toISOString()} />
                  </td>
                  <td>
                    <span translate="no">{e.actorLabel}</span> <span className="text-xs text-muted">({t(`actorTypes.${e.actorType}`)})</span>
                  </td>
                  {/* The action's code, as the filter above takes it. */}
                  <td className="font-mono text-xs" translate="no">
                    {e.action}
                  </td>
                  <td className="text-xs">
                    {entity(e.entityType)}{" "}
                    <span className="font-mono" translate="no">
                      {e.entityId ?? ""}
                    </span>
                  </td>
                  <td>
                    <details>
                      <summary className="cursor-pointer text-xs">{t("show")}</summary>
                      <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap text-xs" translate="no">
                        {JSON.stringify({ before: e.before, after: e.after }, null, 2)}
                      </pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
