import { describe, expect, it } from "vitest";
import { singleLineName } from "./single-line";

describe("singleLineName", () => {
  const name = singleLineName(20);

  it("takes a name on one line, trimmed, in any script", () => {
    expect(name.parse("  GitHub Actions ")).toBe("GitHub Actions");
    expect(name.parse("部署 · Ada Lovelace")).toBe("部署 · Ada Lovelace");
  });

  it.each(["a\nb", "a\rb", "a\tb", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009bb"])("refuses %j", (given) => {
    expect(name.safeParse(given).error?.issues.map((i) => i.message)).toEqual(["must be one line, without line breaks, tabs or other control characters"]);
  });

  it("still requires a name", () => {
    expect(name.safeParse(" ").error?.issues[0]?.message).toBe("is required");
  });
});
