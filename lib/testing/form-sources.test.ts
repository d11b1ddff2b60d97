import { describe, expect, it } from "vitest";
import { formSources, wordsIn } from "./form-sources";

describe("what the forms can say, read from the source", () => {
  it("follows the actions' imports, directly or not, but not into settings", () => {
    const files = formSources();
    expect(files).toEqual(expect.arrayContaining(["app/_actions/teams.ts", "lib/teams/teams.ts", "lib/oncall/rotation.ts", "lib/incidents/state-machine.ts"]));
    expect(files.filter((f) => f.startsWith("lib/config/") || f === "lib/form-errors.ts")).toEqual([]);
  });

  it("finds a field's problem wherever one is written", () => {
    const source = `
      const a = text().min(1, "choose a person").regex(/^[a-z(]+$/, \`must be at most \${max} characters\`);
      const b = z.string({ error: "wants text" });
      ctx.addIssue({ code: "custom", path: ["service"], message: "pick one" });
      const issues = list.map((slug) => ({ path: ["views"], message: \`there is no service \${slug}\` }));
      throw new AppError("conflict", "Taken.", { slug: "taken already", [\`\${prefix}id\`]: "gone" });
      throw badField("rollbackOf", "no rollback of itself");
      export function transitionProblem(from: string): { field: string } | null {
        if (from) return \`the incident is already \${from}\`;
        return null;
      }
      problems.title = "is too loud";
    `;
    expect(wordsIn(source).problems).toEqual([
      "choose a person",
      "must be at most 9 characters",
      "wants text",
      "pick one",
      "there is no service 9",
      "taken already",
      "gone",
      "no rollback of itself",
      "the incident is already 9",
      "is too loud",
    ]);
  });

  it("leaves other words alone: a log's message, a fallback, a label", () => {
    const source = `
      await logDelivery(tx, { outcome: "applied", message: \`answered \${state}\` });
      const message = error instanceof ToolError ? error.message : "the call failed";
      const reasons = [{ code: "freeze", message: "the freeze covers it" }];
      export function label(kind: string) { return "every service"; }
    `;
    expect(wordsIn(source).problems).toEqual([]);
  });

  it("finds a refusal in English alone, and not one that says itself or tells its fields", () => {
    const source = `
      throw new AppError("conflict", "You cannot do that.");
      throw new AppError(
        "conflict",
        "Nor that.",
      );
      throw new AppError("conflict", "This one says itself.").saying("said");
      throw new AppError("bad_request", "title: is required", { title: "is required" });
      throw new AppError("conflict", await refusalText(error));
    `;
    expect(wordsIn(source).unsaid).toEqual(["You cannot do that.", "Nor that."]);
  });
});
