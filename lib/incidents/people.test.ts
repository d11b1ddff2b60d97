import { describe, expect, it } from "vitest";
import type { UserRole } from "@/lib/auth/roles";
import { mayRespond, pickable } from "./people";

const person = (id: string, role: UserRole, banned = false) => ({ id, role, banned });
const people = [person("ana", "engineer"), person("lee", "approver"), person("adm", "admin"), person("vic", "viewer"), person("gone", "engineer", true)];

describe("who may take a job in an incident's response", () => {
  it("is an active person whose role may record", () => {
    expect(people.filter(mayRespond).map((p) => p.id)).toEqual(["ana", "lee", "adm"]);
  });

  it("is what a picker offers, with whoever holds the job now though they may no longer take it", () => {
    expect(pickable(people, null).map((p) => p.id)).toEqual(["ana", "lee", "adm"]);
    expect(pickable(people, "ana").map((p) => p.id)).toEqual(["ana", "lee", "adm"]);
    expect(pickable(people, "vic").map((p) => p.id)).toEqual(["ana", "lee", "adm", "vic"]);
    expect(pickable(people, "gone").map((p) => p.id)).toEqual(["ana", "lee", "adm", "gone"]);
  });
});
