import { describe, expect, it } from "vitest";
import { tokenCan, userCan, USER_ROLES, type Permission } from "./roles";

describe("user roles", () => {
  const table: Record<string, Permission[]> = {
    viewer: ["read"],
    engineer: ["read", "record"],
    approver: ["read", "record", "approve"],
    admin: ["read", "record", "approve", "manage"],
  };
  it.each(USER_ROLES)("%s holds exactly its contract permissions", (role) => {
    for (const p of ["read", "record", "approve", "manage"] as Permission[]) {
      expect(userCan(role, p)).toBe(table[role]!.includes(p));
    }
  });
});

describe("token roles", () => {
  it("ingest writes but does not read or manage", () => {
    expect(tokenCan("ingest", "record")).toBe(true);
    expect(tokenCan("ingest", "read")).toBe(false);
    expect(tokenCan("ingest", "manage")).toBe(false);
  });
  it("read only reads", () => {
    expect(tokenCan("read", "read")).toBe(true);
    expect(tokenCan("read", "record")).toBe(false);
  });
  it("admin reads, writes and manages but never approves", () => {
    expect(tokenCan("admin", "read") && tokenCan("admin", "record") && tokenCan("admin", "manage")).toBe(true);
    expect(tokenCan("admin", "approve")).toBe(false);
  });
});
