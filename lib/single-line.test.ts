import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { freezeFormSchema } from "@/lib/changes/forms";
import { freezeApiSchema } from "@/lib/changes/freezes";
import { newCalendarFeedSchema } from "@/lib/changes/calendar-feeds";
import { newChannelSchema } from "@/lib/notifications/schema";
import { serviceFieldsSchema } from "@/lib/services/schema";
import { newTeamSchema } from "@/lib/teams/schema";
import { newIntegrationSchema } from "@/lib/webhooks/integration-schema";
import { singleLineName } from "./single-line";

describe("singleLineName", () => {
  const name = singleLineName(20);

  it("takes a name on one line, trimmed, in any script", () => {
    expect(name.parse("  GitHub Actions ")).toBe("GitHub Actions");
    expect(name.parse("部署 · Ada Lovelace")).toBe("部署 · Ada Lovelace");
  });

  it.each(["a\nb", "a\rb", "a\tb", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009bb"])("refuses %j", (given) => {
    expect(name.safeParse(given).error?.issues.map((i) => i.message)).toEqual(["must be one line, without line breaks, tabs or other control characters"]);
  });

  it("still requires a name", () => {
    expect(name.safeParse(" ").error?.issues[0]?.message).toBe("is required");
  });
});

describe("the names shown on one line", () => {
  const ONE_LINE_MESSAGE = "must be one line, without line breaks, tabs or other control characters";
  const schemas: [string, z.ZodType, Record<string, unknown>][] = [
    ["an integration's (Settings, integration add)", newIntegrationSchema, { source: "github" }],
    ["a team's", newTeamSchema, { slug: "core" }],
    ["a freeze's (API)", freezeApiSchema, { startsAt: "2030-01-01T00:00:00Z", endsAt: "2030-01-02T00:00:00Z" }],
    ["a freeze's (form)", freezeFormSchema, { startsAt: "2030-01-01T00:00", endsAt: "2030-01-02T00:00", timeZone: "UTC" }],
    ["a calendar feed's", newCalendarFeedSchema, {}],
    ["a service's (PUT, edit form)", serviceFieldsSchema, {}],
    ["a notification channel's (Settings, channel add)", newChannelSchema, { kind: "webhook", target: "https://hooks.example.com/x" }],
  ];

  it.each(schemas)("%s refuses a line break and takes one line", (_, schema, rest) => {
    const refused = schema.safeParse({ ...rest, name: "Black\nFriday" });
    expect(refused.error?.issues.find((i) => i.path[0] === "name")?.message).toBe(ONE_LINE_MESSAGE);
    expect(schema.safeParse({ ...rest, name: "Black Friday" }).success).toBe(true);
  });
});
