import { describe, expect, it } from "vitest";
import { INCIDENT_UPDATE_KINDS } from "@/db/schema";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";

/* A note shows only its text; every other kind of update says what it did, in each language (issue 19). */
describe("incident update kinds in the catalogs", () => {
  it.each([
    ["en", en],
    ["zh-CN", zh],
  ] as const)("%s words every kind of update", (_, catalog) => {
    const words: Record<string, string> = catalog.IncidentPage.updateKinds;
    expect(INCIDENT_UPDATE_KINDS.filter((kind) => kind !== "note" && !words[kind])).toEqual([]);
  });
});
