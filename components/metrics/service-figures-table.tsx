/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { ServiceFigures } from "@/lib/dora/metrics";
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { tableClass } from "@/components/ui/styles";
import { LevelBadge } from "./level-badge";
import { TableScroll } from "@/components/ui/table-scroll";

/** Each service's four keys with their levels, side by side. */
export function ServiceFiguresTable({ rows }: { rows: ServiceFigures[] }) {
  return (
    <TableScroll label="The four keys per service">
      <table className={tableClass}>
        <caption className="sr-only">The four keys per service</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Deployment frequency</th>
            <th scope="col">Lead time</th>
            <th scope="col">Change failure rate</th>
            <th scope="col">Recovery time</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.slug}>
              <th scope="row" className="font-medium">
                <Link href={`/services/${s.slug}`} className="text-accent hover:underline">
                  {s.name}
                </Link>
                <span className="block text-xs font-normal text-muted">{s.team ?? "no team"}</span>
              </th>
              <td className="whitespace-nowrap">
                {formatFrequency(s.deploymentFrequency.perDay)} <LevelBadge id={`${s.slug}-df`} level={s.deploymentFrequency.level} />
              </td>
              <td className="whitespace-nowrap">
                {formatDuration(s.leadTime.medianSeconds)} <LevelBadge id={`${s.slug}-lt`} level={s.leadTime.level} />
              </td>
              <td className="whitespace-nowrap">
                {formatPercent(s.changeFailureRate.rate)} <LevelBadge id={`${s.slug}-cfr`} level={s.changeFailureRate.level} />
              </td>
              <td className="whitespace-nowrap">
                {formatDuration(s.recoveryTime.medianSeconds)} <LevelBadge id={`${s.slug}-rt`} level={s.recoveryTime.level} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
