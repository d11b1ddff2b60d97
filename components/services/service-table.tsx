import type { ServiceWithStats } from "@/db/queries/services";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function ServiceTable({ rows }: { rows: ServiceWithStats[] }) {
  return (
    <TableScroll label="Services with their production deployments in the last 30 days">
      <table className={tableClass}>
        <caption className="sr-only">Services with their production deployments in the last 30 days</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Team</th>
            <th scope="col" className="text-right">
              Deployments (30 d)
            </th>
            <th scope="col">Last deployment</th>
            <th scope="col" className="text-right">
              Open incidents
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td>
                <span className="font-medium">{s.name}</span>
                <span className="block font-mono text-xs text-muted">{s.slug}</span>
              </td>
              <td>{s.team ?? "—"}</td>
              <td className="text-right tabular-nums">{s.deployments}</td>
              <td className="whitespace-nowrap">{s.lastDeployAt ? <LocalTime iso={s.lastDeployAt.toISOString()} /> : "never"}</td>
              <td className="text-right tabular-nums">{s.openIncidents}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
