import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ServiceFigures } from "@/lib/dora/metrics";
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { tableClass } from "@/components/ui/styles";
import { LevelBadge } from "./level-badge";
import { TableScroll } from "@/components/ui/table-scroll";

/** Each service's four keys with their levels, side by side. */
export function ServiceFiguresTable({ rows }: { rows: ServiceFigures[] }) {
  const t = useTranslations("Metrics.byService");
  const term = useTranslations("Terms");
  const locale = useLocale();
  return (
    <TableScroll label={t("label")}>
      <table className={tableClass}>
        <caption className="sr-only">{t("label")}</caption>
        <thead>
          <tr>
            <th scope="col">{term("nouns.service")}</th>
            <th scope="col">{term("metrics.deploymentFrequency")}</th>
            <th scope="col">{t("leadTime")}</th>
            <th scope="col">{term("metrics.changeFailureRate")}</th>
            <th scope="col">{t("recoveryTime")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.slug}>
              <th scope="row" className="font-medium">
                <Link href={`/services/${s.slug}`} className="text-accent hover:underline" translate="no">
                  {s.name}
                </Link>
                {s.team ? (
                  <span className="block text-xs font-normal text-muted" translate="no">
                    {s.team}
                  </span>
                ) : (
                  <span className="block text-xs font-normal text-muted">{t("noTeam")}</span>
                )}
              </th>
              <td className="whitespace-nowrap">
                {formatFrequency(s.deploymentFrequency.perDay, locale)} <LevelBadge id={`${s.slug}-df`} level={s.deploymentFrequency.level} />
              </td>
              <td className="whitespace-nowrap">
                {formatDuration(s.leadTime.medianSeconds, locale)} <LevelBadge id={`${s.slug}-lt`} level={s.leadTime.level} />
              </td>
              <td className="whitespace-nowrap">
                {formatPercent(s.changeFailureRate.rate, locale)} <LevelBadge id={`${s.slug}-cfr`} level={s.changeFailureRate.level} />
              </td>
              <td className="whitespace-nowrap">
                {formatDuration(s.recoveryTime.medianSeconds, locale)} <LevelBadge id={`${s.slug}-rt`} level={s.recoveryTime.level} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
