import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and leaves numbers and blanks plain", () => {
    expect(toCsv(["a", "b", "c"], [["x,y", 'say "hi"', 3], [null, "line\nbreak", 0.5]])).toBe('a,b,c\r\n"x,y","say ""hi""",3\r\n,"line\nbreak",0.5\r\n');
  });
  it("defuses spreadsheet formulas in text", () => {
    expect(toCsv(["m"], [["=HYPERLINK(1)"], ["-1+2"], ["@cmd"], [-5]])).toBe("m\r\n'=HYPERLINK(1)\r\n'-1+2\r\n'@cmd\r\n-5\r\n");
  });
});
