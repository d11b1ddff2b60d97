import { describe, expect, it } from "vitest";
import { memoryDb } from "@/db/test/temp-db";
import { scenario } from "@/db/test/scenario";
import { user } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createWallLink } from "@/lib/wall/links";
import { newWallLinkSchema } from "@/lib/wall/schema";
import { localePreference, localePreferenceSchema, requestLocale, setLocalePreference } from "./preference";

async function withUser() {
  const { db } = memoryDb();
  await db.transaction((tx) => tx.insert(user).values({ id: "u1", name: "Li", email: "li@example.com", createdAt: new Date(0), updatedAt: new Date(0) }));
  return db;
}

describe("a person's language", () => {
  it("is stored, read back and wins over the browser's", async () => {
    const db = await withUser();
    await setLocalePreference(db, "u1", "zh-CN");
    expect(await localePreference(db, "u1")).toBe("zh-CN");
    expect(await requestLocale(db, { path: "/", userId: "u1", acceptLanguage: "en-US" })).toBe("zh-CN");
  });

  it("can be handed back to the browser", async () => {
    const db = await withUser();
    await setLocalePreference(db, "u1", "zh-CN");
    await setLocalePreference(db, "u1", localePreferenceSchema.parse({ locale: "browser" }).locale);
    expect(await localePreference(db, "u1")).toBeNull();
    expect(await requestLocale(db, { path: "/", userId: "u1", acceptLanguage: "en-US" })).toBe("en");
  });

  it("refuses a language the UI does not speak", () => {
    const parsed = localePreferenceSchema.safeParse({ locale: "fr" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("must be one of browser, en, zh-CN");
  });
});

describe("a wall link's language", () => {
  it("is what its wall speaks, whatever the browser says", async () => {
    const s = scenario();
    await s.service("checkout-api", "payments");
    const { path } = await createWallLink(s.db, CLI_ACTOR, newWallLinkSchema.parse({ name: "TV", locale: "zh-CN", views: [{ team: "payments" }] }));
    expect(await requestLocale(s.db, { path, userId: null, acceptLanguage: "en" })).toBe("zh-CN");
    expect(await requestLocale(s.db, { path: "/wall/wl_unknown", userId: null, acceptLanguage: "en" })).toBe("en");
  });

  it("comes from the Settings form's flat fields, left empty for the browser's", () => {
    expect(newWallLinkSchema.parse({ name: "TV", locale: "zh-CN", "views.0.team": "" }).locale).toBe("zh-CN");
    expect(newWallLinkSchema.parse({ name: "TV", locale: "", "views.0.team": "" }).locale).toBeUndefined();
    expect(newWallLinkSchema.safeParse({ name: "TV", locale: "klingon", "views.0.team": "" }).error?.issues[0]).toMatchObject({ path: ["locale"], message: "must be one of en, zh-CN" });
  });
});
