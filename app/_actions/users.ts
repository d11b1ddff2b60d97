"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getAuth } from "@/lib/auth/auth";
import { changeRoleSchema, newUserSchema, setActiveSchema } from "@/lib/users/schema";
import { changeUserRole, createUserAccount, setUserActiveState } from "@/lib/users/users";
import { authorizedAction } from "./authorized-action";

export const createUser = authorizedAction(
  { schema: newUserSchema, permission: "manage", doing: "create users", labels: { password: "Initial password" } },
  async (input, { user, db }) => {
    const created = await createUserAccount(await getAuth(), db, user, input);
    revalidatePath("/settings");
    const roles = await getTranslations("Shell.roles");
    return { message: (await getTranslations("SettingsUsers"))("messages.created", { name: created.name, role: roles(created.role) }) };
  },
);

export const changeRole = authorizedAction(
  { schema: changeRoleSchema, permission: "manage", doing: "change roles" },
  async (input, { user, db }) => {
    const changed = await changeUserRole(db, user, input);
    revalidatePath("/settings");
    const roles = await getTranslations("Shell.roles");
    return { message: (await getTranslations("SettingsUsers"))("messages.roleChanged", { name: changed.name, role: roles(changed.role) }) };
  },
);

export const setActive = authorizedAction(
  { schema: setActiveSchema, permission: "manage", doing: "activate or deactivate users" },
  async (input, { user, db }) => {
    const changed = await setUserActiveState(db, user, input);
    revalidatePath("/settings");
    return { message: (await getTranslations("SettingsUsers"))(changed.banned ? "messages.deactivated" : "messages.activated", { name: changed.name }) };
  },
);
