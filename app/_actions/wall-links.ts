"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { z } from "zod";
import { createWallLink, revokeWallLink } from "@/lib/wall/links";
import { newWallLinkSchema } from "@/lib/wall/schema";
import { qrDataUrl, wallShareUrl } from "@/lib/wall/share";
import { publicBaseUrl } from "@/lib/url";
import { authorizedAction } from "./authorized-action";
import { recordId } from "@/lib/whole-number";

export const addWallLink = authorizedAction({ schema: newWallLinkSchema, permission: "manage", doing: "create wall links", labels: { name: "Link name", rotate: "Seconds per view", "views.*.name": "View name", "views.*.panels": "Shows" } }, async (input, { user, db }) => {
  const { link, path } = await createWallLink(db, user, input);
  revalidatePath("/settings");
  const url = wallShareUrl(publicBaseUrl(await headers()), path, input.theme);
  const t = await getTranslations("SettingsWallLinks.messages");
  return { message: t("created", { name: link.name }), data: { url, qr: await qrDataUrl(url) } };
});

export const removeWallLink = authorizedAction({ schema: z.object({ id: recordId() }), permission: "manage", doing: "revoke wall links" }, async ({ id }, { user, db }) => {
  await revokeWallLink(db, user, id);
  revalidatePath("/settings");
  return { message: (await getTranslations("SettingsWallLinks.messages"))("revoked") };
});
