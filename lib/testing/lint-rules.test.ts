import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * `npm run lint` is how the layers and the async rules stay true; these fixtures prove the rules fire.
 * They are written into the tree for the duration of the test (the type-aware rules need real files
 * inside the TypeScript project) and removed afterwards. All are linted in one run, as `npm run lint`
 * would meet them: the type-aware rules build the project's TypeScript program once, not once per file.
 */
const FIXTURES = {
  forgottenAwait: ["lib/NAME-await.ts", "async function save(): Promise<void> {}\nexport function forgets(): void {\n  save();\n}\n"],
  dbImportsLib: ["db/NAME.ts", 'import { DAY_MS } from "@/lib/time";\nexport const day = DAY_MS;\n'],
  libImportsNext: ["lib/NAME-next.ts", 'import { redirect } from "next/navigation";\nexport const go = () => redirect("/");\n'],
  dateFormattedInUi: [
    "components/NAME.ts",
    [
      "export const a = (d: Date) => d.toLocaleDateString();",
      "export const b = (d: Date) => d.toLocaleString();",
      'export const c = (d: Date) => new Intl.DateTimeFormat("en-GB").format(d);',
      "",
    ].join("\n"),
  ],
  superLinearRegex: [
    "lib/NAME-regex.ts",
    [
      'export const utc = (s: string) => s.replace(/\\s*UTC$/, "Z");',
      "export const nested = (s: string) => /^(?:a+)+$/.test(s);",
      "export const misleading = (s: string) => /^(\\d*)(\\d+)$/.exec(s);",
      "",
    ].join("\n"),
  ],
} as const;
type Fixture = keyof typeof FIXTURES;

const files = Object.fromEntries(
  Object.entries(FIXTURES).map(([name, [relative]]) => [name, path.resolve(relative.replace("NAME", `lint-fixture-${process.pid}`))]),
) as Record<Fixture, string>;
const broken = {} as Record<Fixture, string[]>;

beforeAll(async () => {
  for (const name of Object.keys(FIXTURES) as Fixture[]) fs.writeFileSync(files[name], FIXTURES[name][1]);
  const results = await new ESLint({ cwd: process.cwd() }).lintFiles(Object.values(files));
  for (const name of Object.keys(FIXTURES) as Fixture[]) {
    const result = results.find((r) => r.filePath === files[name]);
    broken[name] = result!.messages.map((m) => m.ruleId ?? m.message);
  }
}, 120_000);
afterAll(() => Object.values(files).forEach((file) => fs.rmSync(file, { force: true })));

describe("lint", () => {
  it("fails on a forgotten await", () => {
    expect(broken.forgottenAwait).toContain("@typescript-eslint/no-floating-promises");
  });

  it("fails when db/ imports from lib/", () => {
    expect(broken.dbImportsLib).toContain("no-restricted-imports");
  });

  it("fails when lib/ imports Next", () => {
    expect(broken.libImportsNext).toContain("no-restricted-imports");
  });

  it("fails on a date formatted outside lib/format.ts in the UI (issue 16, item 9)", () => {
    expect(broken.dateFormattedInUi.filter((rule) => rule === "no-restricted-properties")).toHaveLength(2);
    expect(broken.dateFormattedInUi).toContain("no-restricted-syntax");
  });

  // Issue 15: /\s*UTC$/ took 19.5 s on 60,000 spaces. Quadratic by moving (retried from every space)
  // and exponential by backtracking are both refused, as is a capturing group that gives up its text.
  it("fails on a regex that is super-linear on some input", () => {
    expect(broken.superLinearRegex).toEqual(expect.arrayContaining(["regexp/no-super-linear-move", "regexp/no-super-linear-backtracking", "regexp/no-misleading-capturing-group"]));
  });
});
