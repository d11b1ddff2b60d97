import Link from "next/link";
import { useTranslations } from "next-intl";
import type { IncidentRow } from "@/db/queries/lists";
import { LocalTime } from "@/components/ui/local-time";
import { IncidentStatusBadge, SeverityBadge } from "@/components/ui/status-badges";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function IncidentTable({ rows, caption }: { rows: IncidentRow[]; caption: string }) {
  const t = useTranslations("Incidents.table");
  const nouns = useTranslations("Terms.nouns");
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nouns("severity")}</th>
            <th scope="col">{t("title")}</th>
            <th scope="col">{nouns("service")}</th>
            <th scope="col">{nouns("status")}</th>
            <th scope="col">{t("started")}</th>
            <th scope="col">{nouns("lead")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <td>
                <SeverityBadge severity={i.severity} />
              </td>
              <td className="font-medium" translate="no">
                <Link href={`/incidents/${i.id}`} className="text-accent hover:underline">
                  {i.title}
                </Link>
              </td>
              <td translate="no">{i.serviceName}</td>
              <td>
                <IncidentStatusBadge status={i.status} />
              </td>
              <td className="whitespace-nowrap">
                <LocalTime iso={i.startedAt.toISOString()} zone />
              </td>
              <td translate="no">{i.lead ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
