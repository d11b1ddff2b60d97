import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ChangeRow } from "@/db/queries/lists";
import { Badge } from "@/components/ui/badge";
import { changeFlag } from "@/lib/changes/policy";
import { LocalTime } from "@/components/ui/local-time";
import { ChangeStatusBadge } from "@/components/ui/status-badges";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function ChangeTable({ rows, caption }: { rows: ChangeRow[]; caption: string }) {
  const t = useTranslations("ChangeList");
  const terms = useTranslations("Terms");
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.titleColumn")}</th>
            <th scope="col">{terms("nouns.service")}</th>
            <th scope="col">{terms("nouns.status")}</th>
            <th scope="col">{t("table.planned")}</th>
            <th scope="col">{t("table.requester")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const flag = changeFlag(c);
            return (
              <tr key={c.id}>
                {/* Type and risk sit under the title, so the title gets the width and reads on one line at 1280 px. */}
                <td className="min-w-56">
                  <Link href={`/changes/${c.id}`} className="font-medium text-accent hover:underline" translate="no">
                    {c.title}
                  </Link>
                  <span className="block text-xs text-muted">{t("table.typeRisk", { type: terms(`changeType.${c.type}`), risk: terms(`risk.${c.risk}`) })}</span>
                </td>
                <td translate="no">{c.serviceName}</td>
                <td>
                  {/* A flag goes under the status rather than widening the column past the title's room. */}
                  <div className="flex max-w-48 flex-wrap gap-1">
                    <ChangeStatusBadge status={c.status} />
                    {flag ? <Badge tone={c.status === "rejected" ? "danger" : "warning"}>{t(`flags.${flag}`)}</Badge> : null}
                  </div>
                </td>
                <td className="whitespace-nowrap">{c.plannedStart ? <LocalTime iso={c.plannedStart.toISOString()} zone /> : "—"}</td>
                <td translate="no">{c.requester ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
