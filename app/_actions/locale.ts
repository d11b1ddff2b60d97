"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { negotiateLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { localePreferenceSchema, setLocalePreference } from "@/lib/i18n/preference";
import { authorizedAction } from "./authorized-action";

/** Stored on the person, not in a cookie, so the choice follows them to every device and sign-in. */
export const setLanguage = authorizedAction({ schema: localePreferenceSchema, permission: "read", doing: "change your language" }, async (input, { user, db }) => {
  await setLocalePreference(db, user.id, input.locale);
  revalidatePath("/", "layout");
  // Told in the language just chosen: the page around the form re-renders in it too.
  const speaks = negotiateLocale({ userSetting: input.locale, acceptLanguage: (await headers()).get("accept-language") });
  return { message: (await messagesFor(speaks)).Language.saved };
});
