import { describe, expect, it } from "vitest";
import { z } from "zod";
import { badCharacters, printable, requiredText, slugSchema, text } from "./validation";

describe("text fields refuse what is not text", () => {
  // Issue 15: "\ud800" in JSON was stored as invalid UTF-8, and NUL bytes reached the CSV export.
  it.each([
    ["a NUL", "Checkout\u0000down", "must not contain a NUL character"],
    ["a lone high surrogate", "Checkout \ud800 down", "must not contain an unpaired surrogate (it is not valid Unicode)"],
    ["a lone low surrogate", "\udc00", "must not contain an unpaired surrogate (it is not valid Unicode)"],
    ["surrogates in the wrong order", "\ude00\ud83d", "must not contain an unpaired surrogate (it is not valid Unicode)"],
  ])("%s is refused with one issue naming the field", (_, value, message) => {
    const schema = z.object({ title: requiredText(200), service: slugSchema.optional(), note: text().optional() });
    for (const field of ["title", "note"]) {
      const result = schema.safeParse({ title: "ok", [field]: value });
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([[field, message]]);
    }
    expect(slugSchema.safeParse(value).error?.issues[0]?.message).toBe(message);
  });

  it("keeps paired surrogates (emoji), tabs and newlines", () => {
    expect(text().parse("Deploy 🚀\tdone\n")).toBe("Deploy 🚀\tdone\n");
    expect(badCharacters("naïve — 日本 🚀")).toBeUndefined();
  });

  it("still says is required / must be text", () => {
    expect(text().safeParse(undefined).error?.issues[0]?.message).toBe("is required");
    expect(text().safeParse(3).error?.issues[0]?.message).toBe("must be text");
  });
});

describe("printable", () => {
  it("writes NULs out and replaces unpaired surrogates, leaving other text (emoji included) as it was", () => {
    expect(printable("a\0b")).toBe("a\\u0000b");
    expect(printable("x\ud800y")).toBe("x\ufffdy");
    expect(printable("ok 🚀 中文")).toBe("ok 🚀 中文");
    expect(badCharacters(printable("\0\udc00\0"))).toBeUndefined();
  });
});
