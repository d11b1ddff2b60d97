import { describe, expect, it } from "vitest";
import { jsonRecordId, recordId, recordIdOf, wholeNumber } from "./whole-number";

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

describe("recordId", () => {
  const id = recordId("must be an incident id");

  it("reads decimal digits, or a positive whole number from JSON", () => {
    expect(id.parse("16")).toBe(16);
    expect(id.parse("2147483647")).toBe(2_147_483_647);
    expect(id.parse(7)).toBe(7);
  });

  it.each(["0x10", "1e1", "16.0", "+16", "-1", " 16", "16 ", "", "abc", "0", "2147483648", "9007199254740993", 0, 2_147_483_648, -3, 1.5, Number.NaN, null, true])("refuses %j with its own message", (given) => {
    expect(id.safeParse(given).error?.issues.map((i) => i.message)).toEqual(["must be an incident id"]);
  });
});

describe("jsonRecordId", () => {
  it("takes a positive whole number up to PostgreSQL's largest integer, never digits in a string", () => {
    const id = jsonRecordId("must be a change request id");
    expect(id.parse(2_147_483_647)).toBe(2_147_483_647);
    for (const given of [2_147_483_648, 0, -1, 1.5, "7", Number.NaN]) expect(id.safeParse(given).error?.issues.map((i) => i.message)).toEqual(["must be a change request id"]);
  });
});

describe("recordIdOf", () => {
  it("reads a page's id, or none for one no record can have (the page answers 404, never the database's error)", () => {
    expect(recordIdOf("42")).toBe(42);
    for (const given of ["0x2a", "42.0", "2147483648", "99999999999", "abc", ""]) expect(recordIdOf(given)).toBeUndefined();
  });
});
