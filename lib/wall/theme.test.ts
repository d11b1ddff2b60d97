import { describe, expect, it } from "vitest";
import { wallTheme } from "./theme";

describe("wallTheme", () => {
  it("is light only when the URL asks for it", () => {
    expect(wallTheme("light")).toBe("light");
    expect(wallTheme(undefined)).toBe("dark");
    expect(wallTheme("neon")).toBe("dark");
    expect(wallTheme(["light", "dark"])).toBe("dark");
  });
});
