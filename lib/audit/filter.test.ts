import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "./filter";

describe("audit filters", () => {
  it("reads filters with an inclusive end day", () => {
    expect(auditFilterSchema.parse({ actor: " ada ", entity: "incident", from: "2026-03-01", to: "2026-03-02", action: "" })).toEqual({
      actor: "ada",
      entityType: "incident",
      action: undefined,
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-03-03T00:00:00Z"),
    });
  });
  it("names a bad date", () => {
    expect(auditFilterSchema.safeParse({ from: "yesterday" }).error!.issues[0]).toMatchObject({ path: ["from"], message: "must be a date" });
  });
});
