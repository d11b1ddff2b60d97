import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ServiceWithStats } from "@/db/queries/services";
import type { ServiceFigures } from "@/lib/dora/metrics";
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { LevelBadge } from "@/components/metrics/level-badge";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

/** Every service with its team, repository, last deployment, open incidents and four keys (30 days). */
export function ServiceTable({ rows, figures }: { rows: ServiceWithStats[]; figures: Map<string, ServiceFigures> }) {
  const t = useTranslations("Services.table");
  const locale = useLocale();
  return (
    <TableScroll label={t("label")}>
      <table className={tableClass}>
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("service")}</th>
            <th scope="col">{t("team")}</th>
            <th scope="col">{t("lastDeployment")}</th>
            <th scope="col" className="text-right">
              {t("openIncidents")}
            </th>
            <th scope="col">{t("deploys")}</th>
            <th scope="col">{t("leadTime")}</th>
            <th scope="col">{t("failureRate")}</th>
            <th scope="col">{t("recovery")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const f = figures.get(s.slug);
            return (
              <tr key={s.id}>
                <th scope="row" className="font-medium" translate="no">
                  <Link href={`/services/${s.slug}`} className="text-accent hover:underline">
                    {s.name}
                  </Link>
                  {s.repository ? (
                    <a href={s.repository} className="block font-mono text-xs font-normal break-all text-muted hover:underline" rel="noreferrer">
                      {s.repository.replace(/^https?:\/\//, "")}
                    </a>
                  ) : (
                    <span className="block font-mono text-xs font-normal text-muted">{s.slug}</span>
                  )}
                </th>
                <td translate="no">{s.team ?? "—"}</td>
                <td>{s.lastDeployAt ? <LocalTime iso={s.lastDeployAt.toISOString()} /> : t("never")}</td>
                <td className="text-right tabular-nums">{s.openIncidents}</td>
                {f ? (
                  <>
                    <td>
                      <span className="whitespace-nowrap">{formatFrequency(f.deploymentFrequency.perDay, locale)}</span> <LevelBadge id={`${s.slug}-df`} level={f.deploymentFrequency.level} />
                    </td>
                    <td>
                      <span className="whitespace-nowrap">{formatDuration(f.leadTime.medianSeconds, locale)}</span> <LevelBadge id={`${s.slug}-lt`} level={f.leadTime.level} />
                    </td>
                    <td>
                      <span className="whitespace-nowrap">{formatPercent(f.changeFailureRate.rate, locale)}</span> <LevelBadge id={`${s.slug}-cfr`} level={f.changeFailureRate.level} />
                    </td>
                    <td>
                      <span className="whitespace-nowrap">{formatDuration(f.recoveryTime.medianSeconds, locale)}</span> <LevelBadge id={`${s.slug}-rt`} level={f.recoveryTime.level} />
                    </td>
                  </>
                ) : (
                  <td colSpan={4}>—</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
