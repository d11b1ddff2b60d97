import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath, signInSchema } from "./sign-in-schema";

describe("safeNextPath", () => {
  it.each([
    ["/incidents?open=1", "/incidents?open=1"],
    [undefined, "/"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    // Browsers drop tabs and newlines from a Location before reading it: "/\t/example.org" is "//example.org".
    ["/\t/example.org/phish", "/"],
    ["/\n/example.org/phish", "/"],
    ["/\r\n/example.org/phish", "/"],
    ["\t//example.org", "/"],
    ["/\t\\example.org", "/"],
    ["\\\\example.org", "/"],
    // Dot segments can make a path start with "//" once resolved.
    ["/.//example.org/phish", "/"],
    ["/x/..//example.org", "/"],
    ["javascript:alert(1)", "/"],
    ["http://tandem.invalid@example.org/", "/"],
    ["https:example.org", "/"],
    [" /incidents", "/incidents"],
    ["/incidents/../changes?x=1#top", "/changes?x=1#top"],
    ["", "/"],
  ])("%j → %s", (input, expected) => expect(safeNextPath(input)).toBe(expected));

  it("never returns a path a browser would read as another host, nor a control character", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("/", "\\", ".", "\t", "\n", "\r", " ", "%", "0", "9", "a", "e", ":", "@", "?", "#", "x") }), (input) => {
        const path = safeNextPath(input);
        expect(path.startsWith("/")).toBe(true);
        expect(new URL(path, "https://tandem.example").origin).toBe("https://tandem.example");
        expect(path).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
    );
  });
});

describe("signInSchema", () => {
  it("names each missing field", () => {
    const r = signInSchema.safeParse({});
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["email", "is required"],
      ["password", "is required"],
    ]);
  });
  it("normalises the email", () => {
    expect(signInSchema.parse({ email: " Ada@Example.COM ", password: "x" }).email).toBe("ada@example.com");
  });
});
