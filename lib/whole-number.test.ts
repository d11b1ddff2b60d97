import { describe, expect, it } from "vitest";
import { wholeNumber } from "./whole-number";

describe("wholeNumber", () => {
  const port = wholeNumber(1, 65535);

  it("reads decimal digits within the range", () => {
    expect(port.parse("80")).toBe(80);
    expect(port.parse("065535")).toBe(65535);
    expect(port.parse("1")).toBe(1);
  });

  it.each(["0x50", "1e3", "80.0", "+80", "-1", " 80", "80 ", "", "eighty", "0", "65536", "99999999999999999999"])("refuses %j, naming the range", (given) => {
    expect(port.safeParse(given).error?.issues.map((i) => i.message)).toEqual(["must be a whole number between 1 and 65535"]);
  });

  it("refuses digits past 2^53, which Number() would round into the range", () => {
    expect(wholeNumber(1, Number.MAX_SAFE_INTEGER).safeParse("9007199254740993").success).toBe(false);
    expect(wholeNumber(1, Number.MAX_SAFE_INTEGER).parse("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("names its unit", () => {
    expect(wholeNumber(5, 3600, "seconds").safeParse("4").error?.issues[0]?.message).toBe("must be a whole number of seconds between 5 and 3600");
  });

  it("refuses what is not text", () => {
    expect(port.safeParse(80).error?.issues[0]?.message).toBe("must be a whole number between 1 and 65535");
  });
});
