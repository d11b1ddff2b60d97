"use server";

import { cookies } from "next/headers";
import { THEME_COOKIE, themeSchema } from "@/lib/theme";

/** A display preference, not data: stored in a cookie so the server renders the right theme at once. */
export async function setTheme(formData: FormData): Promise<void> {
  const parsed = themeSchema.safeParse({ theme: formData.get("theme") });
  if (!parsed.success) return;
  (await cookies()).set(THEME_COOKIE, parsed.data.theme, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
}
