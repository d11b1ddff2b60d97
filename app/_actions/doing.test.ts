import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { doingKey } from "./speak";

/** Every `doing: "…"` an action passes to authorizedAction, read from the files, so a new action is covered by itself. */
const DOINGS = [
  ...new Set(
    readdirSync(import.meta.dirname)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .flatMap((file) => [...readFileSync(join(import.meta.dirname, file), "utf8").matchAll(/\bdoing: "([^"]+)"/g)].map((m) => m[1]!)),
  ),
];

describe("what each action does, in every language (issue 19, item 2)", () => {
  it("finds the actions' doings", () => {
    expect(DOINGS.length).toBeGreaterThan(40);
    expect(doingKey("approve or reject change requests")).toBe("approveOrRejectChangeRequests");
    expect(doingKey("set on-call rotations")).toBe("setOnCallRotations");
  });

  it.each(DOINGS)("%s", (doing) => {
    expect(en.Doing).toHaveProperty([doingKey(doing)], doing);
    expect(zh.Doing).toHaveProperty([doingKey(doing)]);
  });
});
