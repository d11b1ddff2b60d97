/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { ServiceWithStats } from "@/db/queries/services";
import type { ServiceFigures } from "@/lib/dora/metrics";
import { formatDuration, formatFrequency, formatPercent } from "@/lib/format";
import { LevelBadge } from "@/components/metrics/level-badge";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

/** Every service with its team, repository, last deployment, open incidents and four keys (30 days). */
export function ServiceTable({ rows, figures }: { rows: ServiceWithStats[]; figures: Map<string, ServiceFigures> }) {
  return (
    <TableScroll label="Services">
      <table className={tableClass}>
        <caption className="sr-only">Services with their four keys over the last 30 days</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Team</th>
            <th scope="col">Last deployment</th>
            <th scope="col" className="text-right">
              Open incidents
            </th>
            <th scope="col">Deploys</th>
            <th scope="col">Lead time</th>
            <th scope="col">Failure rate</th>
            <th scope="col">Recovery</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const f = figures.get(s.slug);
            return (
              <tr key={s.id}>
                <th scope="row" className="font-medium">
                  <Link href={`/services/${s.slug}`} className="text-accent hover:underline">
                    {s.name}
                  </Link>
                  {s.repository ? (
                    <a href={s.repository} className="block font-mono text-xs font-normal text-muted hover:underline" rel="noreferrer">
                      {s.repository.replace(/^https?:\/\//, "")}
                    </a>
                  ) : (
                    <span className="block font-mono text-xs font-normal text-muted">{s.slug}</span>
                  )}
                </th>
                <td>{s.team ?? "—"}</td>
                <td className="whitespace-nowrap">{s.lastDeployAt ? <LocalTime iso={s.lastDeployAt.toISOString()} /> : "never"}</td>
                <td className="text-right tabular-nums">{s.openIncidents}</td>
                {f ? (
                  <>
                    <td className="whitespace-nowrap">
                      {formatFrequency(f.deploymentFrequency.perDay)} <LevelBadge id={`${s.slug}-df`} level={f.deploymentFrequency.level} />
                    </td>
                    <td className="whitespace-nowrap">
                      {formatDuration(f.leadTime.medianSeconds)} <LevelBadge id={`${s.slug}-lt`} level={f.leadTime.level} />
                    </td>
                    <td className="whitespace-nowrap">
                      {formatPercent(f.changeFailureRate.rate)} <LevelBadge id={`${s.slug}-cfr`} level={f.changeFailureRate.level} />
                    </td>
                    <td className="whitespace-nowrap">
                      {formatDuration(f.recoveryTime.medianSeconds)} <LevelBadge id={`${s.slug}-rt`} level={f.recoveryTime.level} />
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
