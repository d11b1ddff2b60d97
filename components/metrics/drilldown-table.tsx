/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { CellFormat, DrilldownTable as Table } from "@/lib/dora/drilldown";
import { formatDuration } from "@/lib/format";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

function Cell({ format, value }: { format: CellFormat; value: string | number | null }) {
  if (value === null || value === "") return <>—</>;
  switch (format) {
    case "time":
      return <LocalTime iso={new Date(Number(value)).toISOString()} />;
    case "duration":
      return <>{formatDuration(Number(value))}</>;
    case "yes":
      return <>{value ? "yes" : "no"}</>;
    case "deployment":
      return <span className="font-mono">deployment #{value}</span>;
    case "incidents":
      return <span className="font-mono">{String(value).split(",").map((id) => `incident #${id}`).join(", ")}</span>;
    default:
      return <>{value}</>;
  }
}

/** One page of a drill-down's rows (the page reads only those: lib/dora/drilldown.ts loadDrilldownPage). */
export function DrilldownTable({ table }: { table: Table }) {
  return (
    <TableScroll label={table.title}>
      <table className={tableClass}>
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.key} className={c.format === "text" && c.key === "message" ? "" : "whitespace-nowrap"}>
                  <Cell format={c.format} value={row[c.key] ?? null} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
