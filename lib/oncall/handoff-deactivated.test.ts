import { afterAll, describe, expect, it } from "vitest";
import { user } from "@/db/schema";
import { freshDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { setClock } from "@/lib/testing/clock";
import { addMember, addOverride, createTeam, setRotation } from "@/lib/teams/teams";
import { setUserActiveState } from "@/lib/users/users";
import { handoffsDue } from "./handoff-job";

const closes: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closes) await close();
});

describe("the hand-over job and a deactivated member", () => {
  it("hands over among the active members only, and passes over a deactivated person's override", async () => {
    const { db, close } = await freshDatabase();
    closes.push(close);
    const now = new Date();
    for (const id of ["ana", "ben", "cy"]) await db.transaction((tx) => tx.insert(user).values({ id, name: id, email: `${id}@example.com`, role: "engineer", createdAt: now, updatedAt: now }));
    await createTeam(db, CLI_ACTOR, { slug: "payments", name: "Payments" });
    for (const id of ["ana", "ben", "cy"]) await addMember(db, CLI_ACTOR, { team: "payments", userId: id });
    // Daily at 09:00 UTC from Monday 2026-11-16: ana, ben, cy, ana, ben (the 20th).
    await setRotation(db, CLI_ACTOR, { team: "payments", shiftHours: 24, handoverTime: "09:00", timeZone: "UTC", startsOn: "2026-11-16" });
    setClock("2026-11-19T10:00:00Z");
    await addOverride(db, CLI_ACTOR, { team: "payments", userId: "ben", startsAt: new Date("2026-11-20T06:00:00Z"), endsAt: new Date("2026-11-20T09:00:00Z"), reason: null });
    const at = new Date("2026-11-20T10:00:00Z");
    expect(await handoffsDue(db, at)).toMatchObject([{ outgoingUserId: "ben", incomingUserId: "ben", nextUserId: "cy" }]);

    await setUserActiveState(db, CLI_ACTOR, { userId: "ben", active: false });
    // Between ana and cy: the 19th (shift 3) is cy's, the 20th (shift 4) ana's, the 21st cy's.
    expect(await handoffsDue(db, at)).toMatchObject([{ outgoingUserId: "cy", incomingUserId: "ana", nextUserId: "cy" }]);
  });
});
