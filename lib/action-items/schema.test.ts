import { describe, expect, it } from "vitest";
import { invalid } from "@/lib/errors";
import { actionItemCreateSchema, actionItemPatchSchema, editActionItemFormSchema, newActionItemFormSchema } from "./schema";

const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (result.success ? {} : invalid(result.error!.issues).fields);
const base = { title: "Add a p99 alert", owner: "Ana@Example.com", dueDate: "2026-12-10" };

describe("action item validation (issue 17, item 3)", () => {
  it("takes a title, an owner's email (kept in lower case), a due day, and optionally a status and an http(s) link", () => {
    expect(actionItemCreateSchema.parse({ ...base, url: "https://runbooks.example.com/p99" })).toEqual({ ...base, owner: "ana@example.com", url: "https://runbooks.example.com/p99" });
    expect(actionItemCreateSchema.parse({ ...base, status: "wont_do", url: "" })).toMatchObject({ status: "wont_do", url: null });
  });

  it.each([
    [{ ...base, title: " " }, "title", "is required"],
    [{ ...base, title: "x".repeat(201) }, "title", "must be at most 200 characters"],
    [{ ...base, owner: "ana" }, "owner", "must be an email address"],
    [{ ...base, dueDate: "10/12/2026" }, "dueDate", "must be a date written YYYY-MM-DD, e.g. 2026-12-31"],
    [{ ...base, dueDate: "2026-02-30" }, "dueDate", "is not a date on the calendar"],
    [{ ...base, dueDate: "2026-13-01" }, "dueDate", "is not a date on the calendar"],
    [{ ...base, status: "closed" }, "status", "must be one of open, done, wont_do"],
    [{ ...base, url: "javascript:alert(1)" }, "url", "must be an http(s) URL"],
    [{ ...base, url: "file:///etc/passwd" }, "url", "must be an http(s) URL"],
    [{ ...base, url: "ftp://example.com/x" }, "url", "must be an http(s) URL"],
    [{ ...base, title: "a\u0000b" }, "title", "must not contain a NUL character"],
    [{ title: "x", dueDate: "2026-12-10" }, "owner", "is required"],
  ])("refuses %j naming %s", (input, field, message) => {
    expect(problems(actionItemCreateSchema.safeParse(input))).toMatchObject({ [field]: message });
  });

  it("a patch changes what it names and refuses an empty one", () => {
    expect(actionItemPatchSchema.parse({ status: "done" })).toEqual({ status: "done" });
    expect(actionItemPatchSchema.parse({ url: null })).toEqual({ url: null });
    expect(problems(actionItemPatchSchema.safeParse({}))).toEqual({ _: "send at least one field to change" });
  });

  it("the forms post the same fields as text, with the incident or the item by id", () => {
    expect(newActionItemFormSchema.parse({ ...base, incidentId: "7", url: "" })).toMatchObject({ incidentId: 7, url: null });
    expect(problems(editActionItemFormSchema.safeParse({ ...base, actionItemId: "x", status: "open", url: "" }))).toEqual({ actionItemId: "must be an action item id" });
  });
});
