import { z } from "zod";
import type { Database } from "@/db/database";
import { findUserLocale, setUserLocale } from "@/db/queries/users";
import { findWallLinkLocale } from "@/db/queries/wall";
import { hashToken } from "@/lib/auth/tokens";
import { oneOf } from "@/lib/validation";
import { isLocale, LOCALES, negotiateLocale, type Locale } from "./locales";

/** "browser" leaves the choice to Accept-Language again. One schema for the profile form and its action. */
export const localePreferenceSchema = z.object({
  locale: oneOf(["browser", ...LOCALES]).transform((v) => (v === "browser" ? null : v)),
});

export async function setLocalePreference(db: Database, userId: string, locale: Locale | null): Promise<void> {
  await db.transaction((tx) => setUserLocale(tx, userId, locale));
}

export async function localePreference(db: Database, userId: string): Promise<Locale | null> {
  const stored = await findUserLocale(db.read, userId);
  return isLocale(stored) ? stored : null;
}

const WALL_PATH = /^\/wall\/(wl_[\w-]+)/;

/** The locale of one request: a wall link's fixed language, the signed-in person's, their browser's, else English. */
export async function requestLocale(db: Database, { path, userId, acceptLanguage }: { path: string | null; userId: string | null; acceptLanguage: string | null }): Promise<Locale> {
  const token = path ? WALL_PATH.exec(path)?.[1] : undefined;
  const fixed = token ? await findWallLinkLocale(db.read, hashToken(token)) : null;
  const userSetting = userId && !fixed ? await findUserLocale(db.read, userId) : null;
  return negotiateLocale({ fixed, userSetting, acceptLanguage });
}
