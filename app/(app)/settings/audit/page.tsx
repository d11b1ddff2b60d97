/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Audit log" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("manage");
  const raw = await searchParams;
  const params = { actor: one(raw.actor), entity: one(raw.entity), action: one(raw.action), from: one(raw.from), to: one(raw.to) };
  const db = getDatabase();
  const filter = auditFilterSchema.safeParse(params);
  const entries = filter.success ? await listAudit(db.read, filter.data) : [];
  return (
    <>
      <PageHeader title="Audit log" description="Every change, who made it and when, with the record before and after. Nothing here can be edited or deleted." />
      <AuditFilters params={params} entityTypes={await listAuditEntityTypes(db.read)} />
      {!filter.success ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
          {Object.entries(fieldErrors(filter.error.issues)).map(([k, v]) => `${k} ${v}`).join("; ")}
        </p>
      ) : entries.length === 0 ? (
        <p className="text-sm">No entries match.</p>
      ) : (
        <TableScroll label="Audit entries">
          <table className={tableClass}>
            <caption className="sr-only">Audit entries, newest first (at most 200)</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Entity</th>
                <th scope="col">Before / after</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry">
                  <td className="whitespace-nowrap">
                    <LocalTime iso={e.at.toISOString()} />
                  </td>
                  <td>
                    {e.actorLabel} <span className="text-xs text-muted">({e.actorType})</span>
                  </td>
                  <td className="font-mono text-xs">{e.action}</td>
                  <td className="font-mono text-xs">
                    {e.entityType} {e.entityId ?? ""}
                  </td>
                  <td>
                    <details>
                      <summary className="cursor-pointer text-xs">Show</summary>
                      <pre className="max-w-xl overflow-x-auto whitespace-pre-wrap text-xs">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
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
