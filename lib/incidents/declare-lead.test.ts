import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { user } from "@/db/schema";
import { firstRow } from "@/db/raw";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { declareFormSchema } from "./forms";
import { declareWithLead } from "./respond";

const database = processDatabase();

describe("declaring an incident with a lead", () => {
  it("sets the lead chosen in the form (the suggested on-call person) in the same transaction", async () => {
    const db = database.db();
    const now = new Date();
    await db.transaction((tx) => tx.insert(user).values({ id: "ana", name: "Ana", email: "ana@example.com", role: "engineer", createdAt: now, updatedAt: now }));
    const { leadId, ...input } = declareFormSchema.parse({ title: "Checkout down", service: "checkout", severity: "SEV2", leadId: "ana", timeZone: "UTC" });
    const { incident } = await declareWithLead(db, CLI_ACTOR, input, leadId);
    expect(incident.leadId).toBe("ana");
    const blank = declareFormSchema.parse({ title: "Search slow", service: "checkout", severity: "SEV3", leadId: "", timeZone: "UTC" });
    expect(blank.leadId).toBeNull();
  });

  it("refuses a lead who does not exist, naming the field, and writes nothing", async () => {
    const db = database.db();
    const count = async () => (await firstRow<{ n: number }>(db.read, sql`select count(*) as "n" from "incidents"`))!.n;
    const before = await count();
    const { leadId, ...input } = declareFormSchema.parse({ title: "Ghost", service: "checkout", severity: "SEV2", leadId: "nobody", timeZone: "UTC" });
    await expect(declareWithLead(db, CLI_ACTOR, input, leadId)).rejects.toMatchObject({ code: "bad_request", fields: { leadId: "is not a known person" } });
    expect(await count()).toBe(before);
  });
});
