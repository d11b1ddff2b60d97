/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listCurrentFreezes } from "@/db/queries/changes";
import { listFilterOptions } from "@/db/queries/services";
import { removeFreeze } from "@/app/_actions/changes";
import { requirePageUser } from "@/app/_http/session";
import { userCan } from "@/lib/auth/roles";
import { FreezeForm } from "@/components/changes/freeze-form";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Freeze windows" };

export default async function FreezesPage() {
  const user = await requirePageUser();
  const db = getDatabase();
  const options = await listFilterOptions(db.read);
  const freezes = await listCurrentFreezes(db.read);
  return (
    <>
      <PageHeader title="Freeze windows" description="While a freeze lasts, normal changes whose planned window overlaps it cannot be approved." />
      {freezes.length === 0 ? (
        <p className="mb-6 text-sm">No current or upcoming freeze.</p>
      ) : (
        <TableScroll label="Freeze windows">
          <table className={`${tableClass} mb-8`}>
            <caption className="sr-only">Current and upcoming freeze windows</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Applies to</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
                <th scope="col">Reason</th>
                {userCan(user.role, "manage") ? <th scope="col">Remove</th> : null}
              </tr>
            </thead>
            <tbody>
              {freezes.map((f) => (
                <tr key={f.id}>
                  <td className="font-medium">{f.name}</td>
                  <td>{f.serviceName ?? "every service"}</td>
                  <td className="whitespace-nowrap">
                    <LocalTime iso={f.startsAt.toISOString()} zone />
                  </td>
                  <td className="whitespace-nowrap">
                    <LocalTime iso={f.endsAt.toISOString()} zone />
                  </td>
                  <td>{f.reason ?? "—"}</td>
                  {userCan(user.role, "manage") ? (
                    <td>
                      <InlineActionForm action={removeFreeze} hidden={{ id: String(f.id) }} label={`Remove ${f.name}`}>
                        <button type="submit" className={buttonClass.danger}>
                          Remove<span className="sr-only"> {f.name}</span>
                        </button>
                      </InlineActionForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {userCan(user.role, "manage") ? (
        <>
          <h2 className="mb-3 text-lg font-semibold">Set a freeze</h2>
          <FreezeForm services={options.services} />
        </>
      ) : null}
    </>
  );
}
