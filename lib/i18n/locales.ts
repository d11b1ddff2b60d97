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

/** The supported locale a BCP 47 tag asks for: exact (case-insensitive), else the same primary language ("zh-Hans-CN", "zh" → zh-CN). */
function match(tag: string): Locale | undefined {
  const wanted = tag.toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const primary = wanted.split("-")[0];
  return LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === primary);
}

/** Accept-Language's tags, best first (q-values honoured, q=0 means "not this", ties keep their order). */
function preferences(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
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
