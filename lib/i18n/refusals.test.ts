import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { notFound } from "@/lib/errors";
import { formSources, formWords } from "@/lib/testing/form-sources";
import type { Locale } from "./locales";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

const LIB = join(import.meta.dirname, "..");
const APP = join(LIB, "../app");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

/** Every `.saying(…)` in lib: a literal key, or a key built as `prefix.${…}` (a group of messages). */
const said = sources(LIB).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/\.saying\((?:"(\w+)"|`([\w.]+)\.\$\{)/g)].map((m) => ({ file, key: m[1], group: m[2] })),
);

/** Refusals the action wrapper tells in the catalogs' words itself (Forms.signInFirst, Forms.forbidden) before any rule runs; lib/errors.ts makes them for pages and routes. */
const TOLD_BY_THE_WRAPPER = ["lib/errors.ts: Sign in to continue.", "lib/errors.ts: Your role does not allow you to 9."];

describe("a rule's refusal has words in every catalog (AppError#saying, issue 19)", () => {
  it("finds the refusals", () => expect(said.length).toBeGreaterThan(5));
  it("gives words to every refusal a form can reach", () => {
    const unsaid = formSources().flatMap((file) => formWords(file).unsaid.map((message) => `${file}: ${message}`));
    expect(unsaid.filter((refusal) => !TOLD_BY_THE_WRAPPER.includes(refusal))).toEqual([]);
  });
  it.each([["en", en.Refusals], ["zh-CN", zh.Refusals]] as const)("%s", (_, refusals) => {
    const missing = said.filter(({ key, group }) => {
      const entry = (refusals as Record<string, unknown>)[key ?? group!];
      return key ? typeof entry !== "string" : typeof entry !== "object";
    });
    expect(missing).toEqual([]);
  });
});

/** Every `notFound("thing")` in lib and app, with an id or without. */
const missing = [...sources(LIB), ...sources(APP)].flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/\bnotFound\("(\w+)"(,)?/g)].map((m) => ({ file, thing: m[1]! as Parameters<typeof notFound>[0], id: m[2] ? 12 : undefined })),
);

describe("a thing a refusal finds missing is named in every catalog", () => {
  const say = (messages: typeof en, locale: Locale, error: ReturnType<typeof notFound>) => createTranslator({ locale, messages })(`Refusals.${error.say!.key}` as never, error.say!.values as never);

  it("finds them", () => expect(missing.length).toBeGreaterThan(15));
  it.each(missing)("$file: $thing", ({ thing, id }) => {
    const error = notFound(thing, id);
    expect(say(en, "en", error)).toBe(error.message);
    expect(say(zh, "zh-CN", error)).not.toContain(thing);
  });
  it("says which one", () => {
    expect(say(zh, "zh-CN", notFound("changeRequest", 99_999))).toBe("找不到变更请求 #99999。");
    expect(say(zh, "zh-CN", notFound("freeze"))).toBe("找不到该冻结窗口。");
  });
});
