"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createCalendarFeed, newCalendarFeedSchema, revokeCalendarFeed } from "@/lib/changes/calendar-feeds";
import { authorizedAction } from "./authorized-action";

export const addCalendarFeed = authorizedAction({ schema: newCalendarFeedSchema, permission: "manage", doing: "create calendar feeds", labels: { name: "Feed name", team: "Team" } }, async (input, { user, db }) => {
  const { feed, path } = await createCalendarFeed(db, user, input);
  revalidatePath("/settings");
  return { message: `Created calendar feed "${feed.name}". Copy it now: it will not be shown again.`, data: { path } };
});

export const removeCalendarFeed = authorizedAction({ schema: z.object({ id: z.coerce.number().int().positive() }), permission: "manage", doing: "revoke calendar feeds" }, async ({ id }, { user, db }) => {
  await revokeCalendarFeed(db, user, id);
  revalidatePath("/settings");
  return { message: "Revoked: calendars subscribed to this feed stop updating." };
});
