import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { insertTemplate } from "@/db/queries/changes";
import { findUserByEmail } from "@/db/queries/users";
import { notificationOutbox } from "@/db/schema";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR, type UserActor } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { submitChange } from "@/lib/changes/submit";
import { createUserAccount, setUserActiveState } from "@/lib/users/users";
import { channelKey } from "./channels";
import { smtpSink } from "./test-sinks";
import { NotificationWorker } from "./worker";

processDatabase();

let smtp: Awaited<ReturnType<typeof smtpSink>>;
let requester: UserActor;

beforeAll(async () => {
  smtp = await smtpSink();
  // Before anything reads the configuration: this server has SMTP.
  process.env.TANDEM_SMTP_URL = `${smtp.url}?from=tandem@example.com`;
  const db = getDatabase();
  const person = async (email: string, role: "engineer" | "approver" | "admin") => {
    await createUserAccount(await getAuth(), db, CLI_ACTOR, { email, name: email.split("@")[0]!, role, password: `${role}-password-123` });
    return (await findUserByEmail(db.read, email))!;
  };
  const engineer = await person("eve@example.com", "engineer");
  requester = { type: "user", id: engineer.id, label: "Eve", role: "engineer" };
  await person("ann@example.com", "approver");
  await person("bob@example.com", "approver");
  const gone = await person("gus@example.com", "approver");
  await setUserActiveState(db, CLI_ACTOR, { userId: gone.id, active: false });
  await person("ada@example.com", "admin");
}, 60_000);
afterAll(() => smtp.close());

describe("a person's own notifications, by email when SMTP is set", () => {
  it("a change waiting for approval asks every active approver and admin by email, not its requester", async () => {
    const db = getDatabase();
    const change = await submitChange(db, requester, "ui", { title: "Resize the cluster", service: "checkout", type: "normal", risk: "low", plannedStart: new Date("2030-01-01T10:00:00Z"), plannedEnd: new Date("2030-01-01T11:00:00Z") });
    const rows = await db.read.select().from(notificationOutbox);
    expect(rows.map((r) => [r.recipient, r.channelId]).sort()).toEqual([
      ["ada@example.com", null],
      ["ann@example.com", null],
      ["bob@example.com", null],
    ]);
    const worker = new NotificationWorker(db, async () => ({ key: await channelKey(db, undefined), baseUrl: "https://tandem.example.com", smtp: { url: smtp.url, from: "tandem@example.com" } }));
    expect(await worker.round()).toBe(3);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(["ada@example.com", "ann@example.com", "bob@example.com"]);
    expect(smtp.received[0]!.raw).toContain(`Subject: [Tandem] Your approval is requested: change #${change.id}, Resize the cluster`);
    expect(smtp.received[0]!.raw).toContain(`https://tandem.example.com/changes/${change.id}`);
  });

  it("a standard change, approved on submission, asks nobody", async () => {
    const db = getDatabase();
    await db.transaction((tx) => insertTemplate(tx, { title: "Routine", serviceId: null, team: null, maxRisk: "low", createdAt: new Date() }));
    const before = (await db.read.select().from(notificationOutbox)).length;
    const change = await submitChange(db, requester, "ui", { title: "Routine", service: "checkout", type: "standard", risk: "low", template: "Routine" });
    expect(change.status).toBe("approved");
    expect(await db.read.select().from(notificationOutbox)).toHaveLength(before);
  });
});
