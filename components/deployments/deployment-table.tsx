/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { DeploymentRow } from "@/db/queries/lists";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { DeploymentStatusBadge } from "@/components/ui/status-badges";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function DeploymentTable({ rows, caption }: { rows: DeploymentRow[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Environment</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Finished</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <span className="font-medium">{d.serviceName}</span>
                <span className="block text-xs text-muted">{d.team ?? "no team"}</span>
              </td>
              <td>{d.environment}</td>
              <td className="font-mono text-xs">
                <Link href={`/deployments/${d.id}`} className="text-accent hover:underline">
                  {d.version ?? `#${d.id}`}
                </Link>
              </td>
              <td className="space-x-1 whitespace-nowrap">
                <DeploymentStatusBadge status={d.status} />
                {d.rollbackOfId ? <Badge tone="warning">rollback</Badge> : null}
                {d.changeFailed ? <Badge tone="danger">failed change</Badge> : null}
                {d.unplanned ? <Badge>unplanned</Badge> : null}
              </td>
              <td className="whitespace-nowrap">{d.finishedAt ? <LocalTime iso={d.finishedAt.toISOString()} /> : "—"}</td>
              <td>{d.deployedBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
