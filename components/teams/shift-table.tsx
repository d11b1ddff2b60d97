/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { OnCallShift } from "@/lib/oncall/oncall";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export function ShiftTable({ shifts, caption }: { shifts: OnCallShift[]; caption: string }) {
  if (!shifts.length) return <p className="text-sm text-muted">Nobody is scheduled: set a rotation or add an override.</p>;
  return (
    <TableScroll label={caption}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
          </tr>
        </thead>
        <tbody>
          {shifts.map((s) => (
            <tr key={s.since.toISOString()}>
              <th scope="row" className="font-medium">
                {s.user.name} {s.override ? <Badge tone="accent">override</Badge> : null}
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
