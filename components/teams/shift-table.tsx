import { useTranslations } from "next-intl";
import type { OnCallShift } from "@/lib/oncall/oncall";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function ShiftTable({ shifts, caption }: { shifts: OnCallShift[]; caption: string }) {
  const t = useTranslations("Teams.shifts");
  const override = useTranslations("OnCall")("override");
  if (!shifts.length) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("from")}</th>
            <th scope="col">{t("until")}</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.since.toISOString()}>
              <th scope="row" className="font-medium">
                <span translate="no">{s.user.name}</span> {s.override ? <Badge tone="accent">{override}</Badge> : null}
              </th>
              <td>
                <LocalTime iso={s.since.toISOString()} zone />
              </td>
              <td>
                <LocalTime iso={s.until.toISOString()} zone />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
