import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("takes the user's setting over the browser's", () => {
    expect(negotiateLocale({ userSetting: "zh-CN", acceptLanguage: "en-US,en;q=0.9" })).toBe("zh-CN");
    expect(negotiateLocale({ userSetting: "en", acceptLanguage: "zh-CN" })).toBe("en");
  });

  it("takes a wall link's fixed language over everything", () => {
    expect(negotiateLocale({ fixed: "zh-CN", userSetting: "en", acceptLanguage: "en" })).toBe("zh-CN");
  });

  it("ignores a setting it does not speak and falls back to Accept-Language", () => {
    expect(negotiateLocale({ userSetting: "fr", acceptLanguage: "zh-CN" })).toBe("zh-CN");
  });

  it("orders Accept-Language by q-value, not by position", () => {
    expect(negotiateLocale({ acceptLanguage: "en;q=0.5, zh-CN;q=0.9" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "zh-CN;q=0.4, en-GB;q=0.8" })).toBe("en");
  });

  it("skips languages it does not speak and those refused with q=0", () => {
    expect(negotiateLocale({ acceptLanguage: "fr-FR, de;q=0.9, zh;q=0.1" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "zh-CN;q=0, en;q=0.1" })).toBe("en");
  });

  it("matches Chinese tags written in Simplified characters", () => {
    expect(negotiateLocale({ acceptLanguage: "zh-Hans-CN" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "ZH-cn" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "zh" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "zh-SG" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "en-GB" })).toBe("en");
  });

  it("does not hand a reader of Traditional Chinese the Simplified catalog, but follows their next choice", () => {
    expect(negotiateLocale({ acceptLanguage: "zh-Hant-TW,en;q=0.5" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "zh-TW" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "zh-HK,de;q=0.8" })).toBe("en");
    // Chrome's default for Taiwan names plain Chinese as the next choice, above English.
    expect(negotiateLocale({ acceptLanguage: "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7" })).toBe("zh-CN");
  });

  it("reads the q parameter whatever its case", () => {
    expect(negotiateLocale({ acceptLanguage: "zh-CN;Q=0.1, en;q=0.5" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "en;Q=0.1, zh-CN;q=0.5" })).toBe("zh-CN");
  });

  it("is English when nothing matches or nothing is said", () => {
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "fr, *;q=0.5" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "garbage;q=x" })).toBe("en");
  });
});
