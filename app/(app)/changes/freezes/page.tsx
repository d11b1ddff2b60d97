import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Freezes"))("heading") };
}

export default async function FreezesPage() {
  const user = await requirePageUser();
  const db = getDatabase();
  const options = await listFilterOptions(db.read);
  const freezes = await listCurrentFreezes(db.read);
  const t = await getTranslations("Freezes");
  const remove = (await getTranslations("Terms.actions"))("remove");
  const manage = userCan(user.role, "manage");
  return (
    <>
      <PageHeader title={t("heading")} description={t("description")} />
      {freezes.length === 0 ? (
        <p className="mb-6 text-sm">{t("none")}</p>
      ) : (
        <TableScroll label={t("heading")}>
          <table className={`${tableClass} mb-8`}>
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("appliesTo")}</th>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("until")}</th>
                <th scope="col">{t("reason")}</th>
                {manage ? <th scope="col">{remove}</th> : null}
              </tr>
            </thead>
            <tbody>
              {freezes.map((f) => (
                <tr key={f.id}>
                  <td className="font-medium" translate="no">
                    {f.name}
                  </td>
                  <td translate={f.serviceName ? "no" : undefined}>{f.serviceName ?? t("everyService")}</td>
                  <td className="whitespace-nowrap">
                    <LocalTime iso={f.startsAt.toISOString()} zone />
                  </td>
                  <td className="whitespace-nowrap">
                    <LocalTime iso={f.endsAt.toISOString()} zone />
                  </td>
                  <td translate={f.reason ? "no" : undefined}>{f.reason ?? "—"}</td>
                  {manage ? (
                    <td>
                      {/* Named by its button ("Remove Black Friday freeze"), whose data part is marked untranslated. */}
                      <InlineActionForm action={removeFreeze} hidden={{ id: String(f.id) }} labelledBy={`remove-freeze-${f.id}`}>
                        <button type="submit" id={`remove-freeze-${f.id}`} className={buttonClass.danger}>
                          {remove}
                          <span className="sr-only" translate="no">
                            {" "}
                            {f.name}
                          </span>
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
      {manage ? (
        <>
          <h2 className="mb-3 text-lg font-semibold">{t("setHeading")}</h2>
          <FreezeForm services={options.services} />
        </>
      ) : null}
    </>
  );
}
