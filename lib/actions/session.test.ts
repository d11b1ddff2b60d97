import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { createUserAccount } from "@/lib/users/users";
import { signIn } from "./session";
import { setRequestHeaders, settle } from "./test-request";

vi.mock("next/headers", async () => (await import("./test-request")).nextHeadersMock);

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());
beforeAll(async () => {
  await createUserAccount(getAuth(), getDb(), CLI_ACTOR, { email: "vera@example.com", name: "Vera", role: "viewer", password: "viewer-password-1" });
  setRequestHeaders({});
});

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("signIn", () => {
  it("follows a same-site next path", async () => {
    expect(await settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password: "viewer-password-1", next: "/incidents" })))).toEqual({ status: "redirect", to: "/incidents" });
  });

  it("signs in and goes home when next is not text (a forged file once refused the sign-in with an unrelated message)", async () => {
    const next = new Blob(["/settings"]);
    expect(await settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password: "viewer-password-1", next })))).toEqual({ status: "redirect", to: "/" });
  });
});
