import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, fieldSentence, formErrors, formErrorsFromIssues } from "./form-errors";
import { requiredText } from "./validation";

describe("form errors in the form's words (issue 16, item 8)", () => {
  it("names a field by its label in a sentence, not by its key", () => {
    const schema = z.object({ title: requiredText(200), comment: requiredText(2000) });
    const told = formErrorsFromIssues(schema.safeParse({ title: " " }).error!.issues);
    expect(told.fields).toEqual({ title: "Title is required", comment: "Comment is required" });
    expect(told.message).toBe("Title is required. Also check: Comment.");
  });

  it("reads labels from keys, or from the form's own labels by key, list pattern or last key", () => {
    expect(fieldLabel("startedAt")).toBe("Started");
    expect(fieldLabel("leadId")).toBe("Lead");
    expect(fieldLabel("rollbackPlan")).toBe("Rollback plan");
    expect(fieldLabel("change.plannedStart")).toBe("Planned start");
    expect(fieldLabel("views.1.name", { name: "Link name", "views.*.name": "View name" })).toBe("View name");
    expect(fieldLabel("name", { name: "Link name", "views.*.name": "View name" })).toBe("Link name");
    expect(fieldLabel("views.0.team")).toBe("Team");
    expect(fieldLabel("constructor")).toBe("Constructor");
  });

  it("names the other time field a problem mentions, and keeps a problem that does not read on after a colon", () => {
    expect(fieldSentence("acknowledgedAt", "must not be before startedAt")).toBe("Acknowledged must not be before started");
    expect(fieldSentence("severities", "critical: must be SEV1, SEV2, SEV3 or SEV4")).toBe("Severities: critical: must be SEV1, SEV2, SEV3 or SEV4");
    expect(fieldSentence("_", "choose at least one view")).toBe("Choose at least one view");
  });

  it("makes one message of one problem", () => {
    expect(formErrors({ comment: "is required" })).toEqual({ message: "Comment is required.", fields: { comment: "Comment is required" } });
  });
});
