import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

const LIB = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

/** Every `.saying(…)` in lib: a literal key, or a key built as `prefix.${…}` (a group of messages). */
const said = sources(LIB).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/\.saying\((?:"(\w+)"|`([\w.]+)\.\$\{)/g)].map((m) => ({ file, key: m[1], group: m[2] })),
);

describe("a rule's refusal has words in every catalog (AppError#saying, issue 19)", () => {
  it("finds the refusals", () => expect(said.length).toBeGreaterThan(5));
  it.each([["en", en.Refusals], ["zh-CN", zh.Refusals]] as const)("%s", (_, refusals) => {
    const missing = said.filter(({ key, group }) => {
      const entry = (refusals as Record<string, unknown>)[key ?? group!];
      return key ? typeof entry !== "string" : typeof entry !== "object";
    });
    expect(missing).toEqual([]);
  });
});
