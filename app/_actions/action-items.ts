"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeActionItem, createActionItem } from "@/lib/action-items/items";
import { editActionItemFormSchema, newActionItemFormSchema } from "@/lib/action-items/schema";
import { ACTION_ITEM_STATUSES } from "@/db/schema/action-items";
import { oneOf } from "@/lib/validation";
import { authorizedAction } from "./authorized-action";

const LABELS = { dueDate: "Due", url: "Link", owner: "Owner" };

// The item shows on its incident, its postmortem, its owner's page and the navigation count.
const refresh = () => revalidatePath("/", "layout");

export const addActionItemAction = authorizedAction({ schema: newActionItemFormSchema, permission: "record", doing: "add action items", labels: LABELS }, async ({ incidentId, ...input }, { user, db }) => {
  const item = await createActionItem(db, user, incidentId, input);
  refresh();
  return { message: (await getTranslations())("ActionItems.added", { title: item.title, owner: item.ownerName }) };
});

export const editActionItemAction = authorizedAction({ schema: editActionItemFormSchema, permission: "record", doing: "change action items", labels: LABELS }, async ({ actionItemId, ...patch }, { user, db }) => {
  await changeActionItem(db, user, actionItemId, patch);
  refresh();
  return { message: (await getTranslations())("ActionItems.saved") };
});

const statusSchema = z.object({ actionItemId: editActionItemFormSchema.shape.actionItemId, status: oneOf(ACTION_ITEM_STATUSES) });

/** One click from a list: done, won't do, or open again. */
export const setActionItemStatusAction = authorizedAction({ schema: statusSchema, permission: "record", doing: "change action items" }, async ({ actionItemId, status }, { user, db }) => {
  const item = await changeActionItem(db, user, actionItemId, { status });
  refresh();
  const t = await getTranslations();
  return { message: t("ActionItems.statusSet", { title: item.title, status: t(`Terms.actionItemStatus.${status}`) }) };
});
