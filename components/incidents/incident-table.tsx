/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { IncidentRow } from "@/db/queries/lists";
import { LocalTime } from "@/components/ui/local-time";
import { IncidentStatusBadge, SeverityBadge } from "@/components/ui/status-badges";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function IncidentTable({ rows, caption }: { rows: IncidentRow[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Title</th>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Lead</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <td>
                <SeverityBadge severity={i.severity} />
              </td>
              <td className="font-medium">
                <Link href={`/incidents/${i.id}`} className="text-accent hover:underline">
                  {i.title}
                </Link>
              </td>
              <td>{i.serviceName}</td>
              <td>
                <IncidentStatusBadge status={i.status} />
              </td>
              <td className="whitespace-nowrap">
                <LocalTime iso={i.startedAt.toISOString()} zone />
              </td>
              <td>{i.lead ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
