import { describe, expect, it } from "vitest";
import { safeNextPath, signInSchema } from "./sign-in-schema";

describe("safeNextPath", () => {
  it.each([
    ["/incidents?open=1", "/incidents?open=1"],
    [undefined, "/"],
    ["https://evil.example", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
  ])("%s → %s", (input, expected) => expect(safeNextPath(input)).toBe(expected));
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
