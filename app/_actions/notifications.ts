"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getConfig } from "@/lib/config/config";
import { channelKey, createChannel, removeChannel, sendTestMessage, setChannelEnabled } from "@/lib/notifications/channels";
import { channelFormSchema, channelIdSchema } from "@/lib/notifications/schema";
import { publicBaseUrl } from "@/lib/url";
import { authorizedAction } from "./authorized-action";

export const addChannel = authorizedAction(
  { schema: channelFormSchema, permission: "manage", doing: "create notification channels", labels: { name: "Channel name", target: "Target", team: "Team (optional)" } },
  async (input, { user, db }) => {
    const config = getConfig();
    const { channel, secret } = await createChannel(db, user, await channelKey(db, config.secret), input, config.smtp !== undefined);
    revalidatePath("/settings");
    return secret
      ? { message: `Created webhook channel "${channel.name}". Copy its signing secret now: it will not be shown again.`, data: { secret } }
      : { message: `Created ${channel.kind} channel "${channel.name}".` };
  },
);

export const setChannelEnabledAction = authorizedAction(
  { schema: channelIdSchema.extend({ enabled: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true") }), permission: "manage", doing: "enable or disable notification channels" },
  async ({ id, enabled }, { user, db }) => {
    await setChannelEnabled(db, user, id, enabled);
    revalidatePath("/settings");
    revalidatePath(`/settings/channels/${id}`);
    return { message: enabled ? "Enabled: waiting messages go out now." : "Disabled: new messages wait until it is enabled again." };
  },
);

export const deleteChannelAction = authorizedAction({ schema: channelIdSchema, permission: "manage", doing: "delete notification channels" }, async ({ id }, { user, db }) => {
  await removeChannel(db, user, id);
  revalidatePath("/settings");
  return { message: "Deleted, with its waiting messages and delivery log." };
});

export const sendTestAction = authorizedAction({ schema: channelIdSchema, permission: "manage", doing: "send test messages" }, async ({ id }, { db }) => {
  const config = getConfig();
  const result = await sendTestMessage(db, id, { key: await channelKey(db, config.secret), baseUrl: publicBaseUrl(await headers()), smtp: config.smtp });
  revalidatePath(`/settings/channels/${id}`);
  const answer = `${result.status ?? "no answer"}${result.answer ? `: ${result.answer.slice(0, 200)}` : ""}`;
  return { message: result.ok ? `Delivered (${answer}).` : `Not delivered (${answer}). See the delivery log below.` };
});
