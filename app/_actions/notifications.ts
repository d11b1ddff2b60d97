"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getConfig } from "@/lib/config/config";
import { LOCALE_NAMES } from "@/lib/i18n/locales";
import { channelKey, createChannel, removeChannel, sendTestMessage, setChannelEnabled, setChannelLocale } from "@/lib/notifications/channels";
import { channelFormSchema, channelIdSchema, channelLocaleSchema } from "@/lib/notifications/schema";
import { publicBaseUrl } from "@/lib/url";
import { authorizedAction } from "./authorized-action";

export const addChannel = authorizedAction(
  { schema: channelFormSchema, permission: "manage", doing: "create notification channels", labels: { name: "Channel name", target: "Target", team: "Team (optional)", locale: "Language of messages" } },
  async (input, { user, db }) => {
    const config = getConfig();
    const { channel, secret } = await createChannel(db, user, await channelKey(db, config.secret), input, config.smtp !== undefined);
    revalidatePath("/settings");
    const t = await getTranslations("Channels");
    return secret ? { message: t("createdWebhook", { name: channel.name }), data: { secret } } : { message: t("created", { kind: t(`kinds.${channel.kind}`), name: channel.name }) };
  },
);

export const setChannelEnabledAction = authorizedAction(
  { schema: channelIdSchema.extend({ enabled: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true") }), permission: "manage", doing: "enable or disable notification channels" },
  async ({ id, enabled }, { user, db }) => {
    await setChannelEnabled(db, user, id, enabled);
    revalidatePath("/settings");
    revalidatePath(`/settings/channels/${id}`);
    const t = await getTranslations("Channels");
    return { message: enabled ? t("enabled") : t("disabledNow") };
  },
);

export const setChannelLocaleAction = authorizedAction(
  { schema: channelLocaleSchema, permission: "manage", doing: "change notification channels", labels: { locale: "Language of messages" } },
  async ({ id, locale }, { user, db }) => {
    await setChannelLocale(db, user, id, locale);
    revalidatePath(`/settings/channels/${id}`);
    return { message: (await getTranslations("Channels"))("languageSaved", { language: LOCALE_NAMES[locale] }) };
  },
);

export const deleteChannelAction = authorizedAction({ schema: channelIdSchema, permission: "manage", doing: "delete notification channels" }, async ({ id }, { user, db }) => {
  await removeChannel(db, user, id);
  revalidatePath("/settings");
  return { message: (await getTranslations("Channels"))("deleted") };
});

export const sendTestAction = authorizedAction({ schema: channelIdSchema, permission: "manage", doing: "send test messages" }, async ({ id }, { db }) => {
  const config = getConfig();
  const result = await sendTestMessage(db, id, { key: await channelKey(db, config.secret), baseUrl: publicBaseUrl(await headers()), smtp: config.smtp });
  revalidatePath(`/settings/channels/${id}`);
  const t = await getTranslations("Channels");
  const answer = `${result.status ?? (await getTranslations("DeliveryLog"))("noAnswer")}${result.answer ? `: ${result.answer.slice(0, 200)}` : ""}`;
  return { message: result.ok ? t("delivered", { answer }) : t("notDelivered", { answer }) };
});
