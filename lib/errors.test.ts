import { describe, expect, it } from "vitest";
import { fieldErrors, invalid } from "./errors";

describe("fieldErrors", () => {
  it("keeps the first problem per field", () => {
    expect(fieldErrors([{ path: ["title"], message: "is required" }, { path: ["title"], message: "later" }, { path: [], message: "whole" }])).toEqual({ title: "is required", _: "whole" });
  });

  // Field names can come from the input (a record's keys): a prototype name is just a name.
  it.each(["constructor", "toString", "hasOwnProperty", "__proto__"])("reports a field named %s", (name) => {
    const fields = fieldErrors([{ path: [name], message: "must be text" }]);
    expect(Object.hasOwn(fields, name)).toBe(true);
    expect(fields[name]).toBe("must be text");
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(invalid([{ path: [name], message: "must be text" }]).message).toBe(`${name}: must be text`);
  });
});
