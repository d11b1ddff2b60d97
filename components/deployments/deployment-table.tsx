import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DeploymentRow } from "@/db/queries/lists";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { DeploymentStatusBadge } from "@/components/ui/status-badges";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function DeploymentTable({ rows, caption }: { rows: DeploymentRow[]; caption: string }) {
  const t = useTranslations("Deployments.table");
  const flag = useTranslations("Deployments.flags");
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("service")}</th>
            <th scope="col">{t("environment")}</th>
            <th scope="col">{t("version")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("finished")}</th>
            <th scope="col">{t("by")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <span className="font-medium" translate="no">
                  {d.serviceName}
                </span>
                {d.team ? (
                  <span className="block text-xs text-muted" translate="no">
                    {d.team}
                  </span>
                ) : (
                  <span className="block text-xs text-muted">{t("noTeam")}</span>
                )}
              </td>
              <td translate="no">{d.environment}</td>
              <td className="font-mono text-xs" translate="no">
                <Link href={`/deployments/${d.id}`} className="text-accent hover:underline">
                  {d.version ?? `#${d.id}`}
                </Link>
              </td>
              <td className="space-x-1 whitespace-nowrap">
                <DeploymentStatusBadge status={d.status} />
                {d.rollbackOfId ? <Badge tone="warning">{flag("rollback")}</Badge> : null}
                {d.changeFailed ? <Badge tone="danger">{flag("failedChange")}</Badge> : null}
                {d.unplanned ? <Badge>{flag("unplanned")}</Badge> : null}
              </td>
              <td className="whitespace-nowrap">{d.finishedAt ? <LocalTime iso={d.finishedAt.toISOString()} /> : "—"}</td>
              <td translate="no">{d.deployedBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
