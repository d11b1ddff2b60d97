import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { user } from "@/db/schema";
import { firstRow } from "@/db/raw";
import type { Database } from "@/db/database";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import type { UserRole } from "@/lib/auth/roles";
import { declareFormSchema } from "./forms";
import { declareWithLead, setIncidentLead } from "./respond";

const database = processDatabase();
const AT = new Date("2026-11-20T14:00:00Z");

async function person(db: Database, id: string, role: UserRole, banned = false) {
  await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role, banned, createdAt: AT, updatedAt: AT }).onConflictDoNothing());
}

const declared = (leadId: string) => {
  const { leadId: lead, ...input } = declareFormSchema.parse({ title: "Checkout down", service: "checkout", severity: "SEV2", startedAt: "2026-11-20T13:00", leadId, timeZone: "UTC" });
  return [input, lead] as const;
};

/** Who may lead: the rule of every job in the response (lib/incidents/people.ts), by the person's id. */
const REFUSED: [who: string, id: string, make: (db: Database) => Promise<void>, problem: string][] = [
  ["who does not exist", "nobody", async () => {}, "is not a known person"],
  ["who is deactivated", "gone", (db) => person(db, "gone", "engineer", true), "is a deactivated user"],
  ["who is a viewer", "vic", (db) => person(db, "vic", "viewer"), "is a viewer, who cannot record incidents or action items"],
];

describe("declaring an incident with a lead", () => {
  it("sets the lead chosen in the form (the suggested on-call person) in the same transaction", async () => {
    const db = database.db();
    await person(db, "ana", "engineer");
    const { incident } = await declareWithLead(db, CLI_ACTOR, ...declared("ana"));
    expect(incident.leadId).toBe("ana");
    const blank = declareFormSchema.parse({ title: "Search slow", service: "checkout", severity: "SEV3", leadId: "", timeZone: "UTC" });
    expect(blank.leadId).toBeNull();
  });

  it.each(REFUSED)("refuses a lead %s, naming the field, and writes nothing", async (_who, id, make, problem) => {
    const db = database.db();
    await make(db);
    const count = async () => (await firstRow<{ n: number }>(db.read, sql`select count(*) as "n" from "incidents"`))!.n;
    const before = await count();
    await expect(declareWithLead(db, CLI_ACTOR, ...declared(id))).rejects.toMatchObject({ code: "bad_request", fields: { leadId: problem } });
    expect(await count()).toBe(before);
  });
});

describe("setting an incident's lead", () => {
  it.each(REFUSED)("refuses a lead %s and keeps the one it had", async (_who, id, make, problem) => {
    const db = database.db();
    await person(db, "ana", "engineer");
    await make(db);
    const { incident } = await declareWithLead(db, CLI_ACTOR, ...declared("ana"));
    await expect(setIncidentLead(db, CLI_ACTOR, incident.id, id)).rejects.toMatchObject({ code: "bad_request", fields: { leadId: problem } });
    const lead = await firstRow<{ lead: string | null }>(db.read, sql`select "lead_id" as "lead" from "incidents" where "id" = ${incident.id}`);
    expect(lead!.lead).toBe("ana");
  });

  it("hands over to anyone who may respond, or to nobody", async () => {
    const db = database.db();
    await person(db, "ana", "engineer");
    await person(db, "lee", "approver");
    const { incident } = await declareWithLead(db, CLI_ACTOR, ...declared("ana"));
    expect((await setIncidentLead(db, CLI_ACTOR, incident.id, "lee")).leadId).toBe("lee");
    expect((await setIncidentLead(db, CLI_ACTOR, incident.id, null)).leadId).toBeNull();
  });
});
