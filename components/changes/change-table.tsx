/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { ChangeRow } from "@/db/queries/lists";
import { Badge } from "@/components/ui/badge";
import { flagLabel } from "@/lib/changes/policy";
import { LocalTime } from "@/components/ui/local-time";
import { ChangeStatusBadge } from "@/components/ui/status-badges";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function ChangeTable({ rows, caption }: { rows: ChangeRow[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title · type, risk</th>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Planned</th>
            <th scope="col">Requester</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              {/* Type and risk sit under the title, so the title gets the width and reads on one line at 1280 px. */}
              <td className="min-w-56">
                <Link href={`/changes/${c.id}`} className="font-medium text-accent hover:underline">
                  {c.title}
                </Link>
                <span className="block text-xs text-muted">
                  {c.type} · {c.risk} risk
                </span>
              </td>
              <td>{c.serviceName}</td>
              <td>
                {/* A flag goes under the status rather than widening the column past the title's room. */}
                <div className="flex max-w-48 flex-wrap gap-1">
                  <ChangeStatusBadge status={c.status} />
                  {flagLabel(c) ? <Badge tone={c.status === "rejected" ? "danger" : "warning"}>{flagLabel(c)}</Badge> : null}
                </div>
              </td>
              <td className="whitespace-nowrap">{c.plannedStart ? <LocalTime iso={c.plannedStart.toISOString()} zone /> : "—"}</td>
              <td>{c.requester ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
