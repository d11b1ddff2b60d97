import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { listActionItems } from "@/db/queries/action-items";
import { listUsers } from "@/db/queries/users";
import { mayRespond } from "@/lib/incidents/people";
import { ActionItemForm } from "./action-item-form";
import { ActionItemList } from "./action-item-list";

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

/**
 * An incident's action items: the list, and for those who record, adding one and changing each. `adding`:
 * "open" shows the form for a new item (the postmortem page, where they are written), "folded" tucks it away.
 */
export async function ActionItemsSection({ incidentId, canEdit, adding }: { incidentId: number; canEdit: boolean; adding: "open" | "folded" }) {
  const t = await getTranslations("ActionItems");
  const nouns = await getTranslations("Terms.nouns");
  const db = getDatabase();
  const rows = await listActionItems(db.read, { incidentId });
  const people = canEdit ? (await listUsers(db.read)).filter(mayRespond) : [];
  return (
    <section aria-labelledby="action-items" className="space-y-4">
      <h2 id="action-items" className="text-lg font-semibold">
        {nouns("actionItems")}
      </h2>
      {rows.length ? (
        <ActionItemList rows={rows} now={new Date()} caption={t("incidentCaption")} show={{ owner: true }} canEdit={canEdit} />
      ) : (
        <p className="text-sm text-muted">{canEdit ? t("noneYetAdd") : t("noneYet")}</p>
      )}
      {canEdit ? (
        <>
          {adding === "open" ? (
            <div className="max-w-2xl space-y-2">
              <h3 className="text-sm font-medium">{t("addHeading")}</h3>
              <ActionItemForm incidentId={incidentId} people={people} />
            </div>
          ) : (
            // Never opened by the server: a re-render after adding must not fold the form over its own message.
            <details>
              <summary className="cursor-pointer text-sm font-medium">{t("addHeading")}</summary>
              <div className="mt-3 max-w-2xl">
                <ActionItemForm incidentId={incidentId} people={people} />
              </div>
            </details>
          )}
          {rows.map((item) => (
            <details key={item.id}>
              <summary id={`edit-action-item-${item.id}`} className="cursor-pointer text-sm font-medium">
                {t.rich("edit", { title: item.title, data })}
              </summary>
              <div className="mt-3 max-w-2xl">
                <ActionItemForm incidentId={incidentId} item={item} people={people} labelledBy={`edit-action-item-${item.id}`} />
              </div>
            </details>
          ))}
        </>
      ) : null}
    </section>
  );
}
