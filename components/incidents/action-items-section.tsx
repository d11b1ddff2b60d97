import { getDatabase } from "@/db/client";
import { listActionItems } from "@/db/queries/action-items";
import { listUsers } from "@/db/queries/users";
import { ActionItemForm } from "./action-item-form";
import { ActionItemList } from "./action-item-list";

/** An incident's action items: the list, and for those who record, adding one and changing each. */
export async function ActionItemsSection({ incidentId, canEdit, headingLevel = 2 }: { incidentId: number; canEdit: boolean; headingLevel?: 2 | 3 }) {
  const db = getDatabase();
  const rows = await listActionItems(db.read, { incidentId });
  const people = canEdit ? (await listUsers(db.read)).filter((u) => u.role !== "viewer" && !u.banned) : [];
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="action-items" className="space-y-4">
      <Heading id="action-items" className="text-lg font-semibold">
        Action items
      </Heading>
      {rows.length ? (
        <ActionItemList rows={rows} now={new Date()} caption="Action items of this incident" show={{ owner: true }} canEdit={canEdit} />
      ) : (
        <p className="text-sm text-muted">No action items yet.{canEdit ? " Add the follow-ups this incident calls for below." : ""}</p>
      )}
      {canEdit ? (
        <>
          <details open={rows.length === 0}>
            <summary className="cursor-pointer text-sm font-medium">Add an action item</summary>
            <div className="mt-3 max-w-2xl">
              <ActionItemForm incidentId={incidentId} people={people} />
            </div>
          </details>
          {rows.map((item) => (
            <details key={item.id}>
              <summary className="cursor-pointer text-sm font-medium">Edit “{item.title}”</summary>
              <div className="mt-3 max-w-2xl">
                <ActionItemForm incidentId={incidentId} item={item} people={people} />
              </div>
            </details>
          ))}
        </>
      ) : null}
    </section>
  );
}
