import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

/*
 * `npm run lint` is how the layers and the async rules stay true; these fixtures prove the rules fire.
 * They are written into the tree for the duration of the test (the type-aware rules need real files
 * inside the TypeScript project) and removed afterwards.
 */
const written: string[] = [];
function fixture(relative: string, source: string): string {
  const file = path.resolve(relative.replace("NAME", `lint-fixture-${process.pid}`));
  fs.writeFileSync(file, source);
  written.push(file);
  return file;
}
afterAll(() => written.forEach((file) => fs.rmSync(file, { force: true })));

async function rulesBroken(file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintFiles([file]);
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe("lint", () => {
  it("fails on a forgotten await", { timeout: 120_000 }, async () => {
    const file = fixture("lib/NAME.ts", "async function save(): Promise<void> {}\nexport function forgets(): void {\n  save();\n}\n");
    expect(await rulesBroken(file)).toContain("@typescript-eslint/no-floating-promises");
  });

  it("fails when db/ imports from lib/", { timeout: 120_000 }, async () => {
    const file = fixture("db/NAME.ts", 'import { DAY_MS } from "@/lib/time";\nexport const day = DAY_MS;\n');
    expect(await rulesBroken(file)).toContain("no-restricted-imports");
  });

  it("fails when lib/ imports Next", { timeout: 120_000 }, async () => {
    const file = fixture("lib/NAME.ts", 'import { redirect } from "next/navigation";\nexport const go = () => redirect("/");\n');
    expect(await rulesBroken(file)).toContain("no-restricted-imports");
  });

  it("fails on a date formatted outside lib/format.ts in the UI (issue 16, item 9)", { timeout: 120_000 }, async () => {
    const file = fixture(
      "components/NAME.ts",
      [
        "export const a = (d: Date) => d.toLocaleDateString();",
        "export const b = (d: Date) => d.toLocaleString();",
        'export const c = (d: Date) => new Intl.DateTimeFormat("en-GB").format(d);',
        "",
      ].join("\n"),
    );
    const broken = await rulesBroken(file);
    expect(broken.filter((rule) => rule === "no-restricted-properties")).toHaveLength(2);
    expect(broken).toContain("no-restricted-syntax");
  });

  // Issue 15: /\s*UTC$/ took 19.5 s on 60,000 spaces. Quadratic by moving (retried from every space)
  // and exponential by backtracking are both refused, as is a capturing group that gives up its text.
  it("fails on a regex that is super-linear on some input", { timeout: 120_000 }, async () => {
    const file = fixture(
      "lib/NAME.ts",
      [
        'export const utc = (s: string) => s.replace(/\\s*UTC$/, "Z");',
        "export const nested = (s: string) => /^(?:a+)+$/.test(s);",
        "export const misleading = (s: string) => /^(\\d*)(\\d+)$/.exec(s);",
        "",
      ].join("\n"),
    );
    expect(await rulesBroken(file)).toEqual(expect.arrayContaining(["regexp/no-super-linear-move", "regexp/no-super-linear-backtracking", "regexp/no-misleading-capturing-group"]));
  });
});
