import { useLocale, useTranslations } from "next-intl";
import type { Column, DrilldownTable as Table } from "@/lib/dora/drilldown";
import type { Drilldown } from "@/lib/dora/links";
import { formatDuration } from "@/lib/format";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

/** What recovered a failed change (db/queries/metric-rows.ts `rule`), as the catalog names it. */
const RULES = { rollback: "rollback", "incidents resolved": "incidentsResolved", "next deployment": "nextDeployment" } as const;

/**
 * A column's catalog key (Drilldown.columns): its key, except where two drill-downs use one key for
 * different things: `id` is an incident's on the incidents list, `seconds` a recovery on the failures list.
 */
function columnKey(kind: Drilldown, c: Column) {
  if (c.key === "id" && c.format === "incidents") return "incident";
  if (c.key === "seconds" && kind === "failures") return "recoverySeconds";
  return c.key as "id";
}

function Cell({ column, value }: { column: Column; value: string | number | null }) {
  const t = useTranslations("Drilldown");
  const locale = useLocale();
  if (value === null || value === "") return <>—</>;
  switch (column.format) {
    case "time":
      return <LocalTime iso={new Date(Number(value)).toISOString()} />;
    case "duration":
      return <>{formatDuration(Number(value), locale)}</>;
    case "yes":
      return <>{value ? t("yes") : t("no")}</>;
    case "deployment":
      return <span className="font-mono">{t("deployment", { id: String(value) })}</span>;
    case "incidents":
      return <span className="font-mono">{String(value)
            .split(",")
            .map((id) => t("incident", { id }))
            .join(t("separator"))}</span>;
    default:
      if (column.key === "rule" && typeof value === "string" && value in RULES) return <>{t(`rules.${RULES[value as keyof typeof RULES]}`)}</>;
      // Names, versions, commits and titles are data: they stay as written.
      return <span translate="no">{value}</span>;
  }
}

/** One page of a drill-down's rows (the page reads only those: lib/dora/drilldown.ts loadDrilldownPage). */
export function DrilldownTable({ kind, title, table }: { kind: Drilldown; title: string; table: Table }) {
  const t = useTranslations("Drilldown");
  return (
    <TableScroll label={title}>
      <table className={tableClass}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {t(`columns.${columnKey(kind, c)}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.key} className={c.format === "text" && c.key === "message" ? "" : "whitespace-nowrap"}>
                  <Cell column={c} value={row[c.key] ?? null} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
