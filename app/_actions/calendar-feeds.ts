"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { createCalendarFeed, newCalendarFeedSchema, revokeCalendarFeed } from "@/lib/changes/calendar-feeds";
import { authorizedAction } from "./authorized-action";
import { recordId } from "@/lib/whole-number";

export const addCalendarFeed = authorizedAction({ schema: newCalendarFeedSchema, permission: "manage", doing: "create calendar feeds", labels: { name: "Feed name", team: "Team" } }, async (input, { user, db }) => {
  const { feed, path } = await createCalendarFeed(db, user, input);
  revalidatePath("/settings");
  const t = await getTranslations("SettingsCalendarFeeds.messages");
  return { message: t("created", { name: feed.name }), data: { path } };
});

export const removeCalendarFeed = authorizedAction({ schema: z.object({ id: recordId() }), permission: "manage", doing: "revoke calendar feeds" }, async ({ id }, { user, db }) => {
  await revokeCalendarFeed(db, user, id);
  revalidatePath("/settings");
  return { message: (await getTranslations("SettingsCalendarFeeds.messages"))("revoked") };
});
