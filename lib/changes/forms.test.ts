import { describe, expect, it } from "vitest";
import { fileChangeFormSchema, freezeFormSchema } from "./forms";

describe("change forms", () => {
  it("turns local times into the API's ISO times and applies the API's rules", () => {
    const ok = fileChangeFormSchema.parse({ title: "Rotate", service: "edge", type: "normal", risk: "low", plannedStart: "2026-12-01T10:00", plannedEnd: "2026-12-01T12:00", tzOffset: "60" });
    expect(ok.change.plannedStart).toEqual(new Date("2026-12-01T11:00:00Z"));
    expect(ok.intent).toBe("submit");
    const bad = fileChangeFormSchema.safeParse({ title: "", service: "edge", type: "normal", risk: "low", plannedStart: "2026-12-01T10:00" });
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["change.title", "is required"],
      ["change.plannedEnd", "is required for normal changes"],
    ]);
  });
  it("checks a freeze window's order", () => {
    const bad = freezeFormSchema.safeParse({ name: "X", startsAt: "2026-12-02T00:00", endsAt: "2026-12-01T00:00" });
    expect(bad.error!.issues).toEqual([expect.objectContaining({ path: ["endsAt"], message: "must be after the start" })]);
  });
});
