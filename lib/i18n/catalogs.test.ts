import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALES } from "./locales";

const DIR = join(import.meta.dirname, "messages");
const catalog = (file: string) => JSON.parse(readFileSync(join(DIR, file), "utf8")) as Record<string, unknown>;

/** Every leaf as "Section.key" → message. */
function leaves(tree: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value as Record<string, unknown>, path)) out.set(k, v);
  }
  return out;
}

const english = leaves(catalog("en.json"));

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };
/**
 * The arguments a message takes, read from its parsed form (a select's branch words are not arguments).
 * Rich-text tags are markup a translation may use or not, as the language needs.
 */
function argumentsOf(elements: Element[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    // 0 is literal text, 7 the "#" of a plural and 8 a tag; every other element names an argument.
    if (e.type !== 0 && e.type !== 7 && e.type !== 8 && typeof e.value === "string") into.add(e.value);
    for (const option of Object.values(e.options ?? {})) argumentsOf(option.value, into);
    if (e.children) argumentsOf(e.children, into);
  }
  return into;
}

describe("message catalogs", () => {
  it("are exactly one per listed locale", () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith(".json")).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has every English key and no other", (locale) => {
    const keys = [...leaves(catalog(`${locale}.json`)).keys()];
    expect([...english.keys()].filter((k) => !keys.includes(k)), "missing").toEqual([]);
    expect(keys.filter((k) => !english.has(k)), "not in English").toEqual([]);
  });

  it.each(LOCALES)("%s: every message is valid ICU, with the same arguments as the English one", (locale) => {
    const argsOf = (message: string) => [...argumentsOf(new IntlMessageFormat(message, "en").getAst())].sort();
    for (const [key, message] of leaves(catalog(`${locale}.json`))) {
      expect(() => new IntlMessageFormat(message, locale), key).not.toThrow();
      expect(argsOf(message), key).toEqual(argsOf(english.get(key)!));
    }
  });
});
