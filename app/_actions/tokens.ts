"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { newTokenSchema, revokeTokenSchema } from "@/lib/tokens/schema";
import { notFound } from "@/lib/errors";
import { authorizedAction } from "./authorized-action";

export const createToken = authorizedAction(
  { schema: newTokenSchema, permission: "manage", doing: "create API tokens", labels: { name: "Token name", role: "Token role" } },
  async (input, { user, db }) => {
    const { token, record } = await createApiToken(db, user, input);
    revalidatePath("/settings");
    const t = await getTranslations("SettingsTokens");
    return { message: t("messages.created", { role: t(`roles.${record.role}`), name: record.name }), data: { token } };
  },
);

export const revokeToken = authorizedAction(
  { schema: revokeTokenSchema, permission: "manage", doing: "revoke API tokens" },
  async (input, { user, db }) => {
    const revoked = await revokeApiToken(db, user, input.id);
    if (!revoked) throw notFound("token");
    revalidatePath("/settings");
    return { message: (await getTranslations("SettingsTokens"))("messages.revoked", { name: revoked.name }) };
  },
);
