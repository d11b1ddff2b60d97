import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "./body";

const refusal = (text: string) => {
  try {
    parseJsonBody(Buffer.from(text));
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, message: e.message, fields: e.fields };
    throw e;
  }
  throw new Error("accepted");
};

describe("parseJsonBody", () => {
  // Issue 15: JSON escapes can carry what UTF-8 bytes cannot; every body, webhooks included, is checked.
  it("refuses an escaped lone surrogate or NUL anywhere, naming where", () => {
    expect(refusal('{"commits":[{"id":"a"},{"message":"fix \\ud800"}]}')).toEqual({
      status: 400,
      message: "commits.1.message: must not contain an unpaired surrogate (it is not valid Unicode)",
      fields: { "commits.1.message": "must not contain an unpaired surrogate (it is not valid Unicode)" },
    });
    expect(refusal('{"title":"a\\u0000b"}')).toMatchObject({ status: 400, message: "title: must not contain a NUL character" });
    expect(refusal('{"labels":{"a\\u0000":"x"}}')).toMatchObject({ status: 400, message: "labels: keys must not contain a NUL character" });
    expect(refusal('"\\udfff"')).toMatchObject({ status: 400, message: "must not contain an unpaired surrogate (it is not valid Unicode)" });
  });

  it("accepts escaped pairs and ordinary text", () => {
    expect(parseJsonBody(Buffer.from('{"t":"\\ud83d\\ude80 ok","n":[1,null,true]}'))).toEqual({ t: "🚀 ok", n: [1, null, true] });
  });

  it("checks a deeply nested or wide body in linear time without overflowing the stack", () => {
    const depth = 200_000;
    const deep = `${"[".repeat(depth)}"\\u0000"${"]".repeat(depth)}`;
    const start = performance.now();
    expect(refusal(deep)).toMatchObject({ status: 400, message: `${"0.".repeat(20)}…: must not contain a NUL character` });
    const wide = JSON.stringify({ items: Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `n${i}` })) });
    expect(() => parseJsonBody(Buffer.from(wide))).not.toThrow();
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
