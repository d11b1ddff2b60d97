/**
 * The languages the UI speaks. Adding one = a catalog in ./messages/<tag>.json and its tag here
 * (the catalog-parity test then holds it to the English keys).
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The name of each language in itself, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A tag's language and the script it is written in, filled in where it goes without saying (zh-TW is Hant, zh Hans). */
function languageAndScript(tag: string): string | undefined {
  try {
    const full = new Intl.Locale(tag).maximize();
    return `${full.language}-${full.script}`;
  } catch {
    return undefined;
  }
}

/**
 * The supported locale a BCP 47 tag asks for: exact (case-insensitive), else the same language in the
 * same script ("zh-Hans-CN", "zh", "zh-SG" → zh-CN). A reader asking for Traditional Chinese (zh-TW,
 * zh-Hant) is not handed Simplified: their next choice, or English, is read instead.
 */
function match(tag: string): Locale | undefined {
  const wanted = tag.toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const written = languageAndScript(tag);
  return written === undefined ? undefined : LOCALES.find((locale) => languageAndScript(locale) === written);
}

/** Accept-Language's tags, best first (q-values honoured, q=0 means "not this", ties keep their order). */
function preferences(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      // Parameter names are case-insensitive (RFC 9110): "Q=0.1" weighs as "q=0.1".
      const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter(({ tag, weight }) => tag !== "" && tag !== "*" && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag }) => tag);
}

/**
 * The language a page is shown in: a fixed one (a wall link's) first, then the signed-in person's
 * setting, then the browser's Accept-Language, else English.
 */
export function negotiateLocale({ fixed, userSetting, acceptLanguage }: { fixed?: string | null; userSetting?: string | null; acceptLanguage?: string | null }): Locale {
  for (const chosen of [fixed, userSetting]) if (isLocale(chosen)) return chosen;
  for (const tag of preferences(acceptLanguage ?? "")) {
    const locale = match(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
