import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
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
  await createUserAccount(await getAuth(), getDatabase(), CLI_ACTOR, { email: "vera@example.com", name: "Vera", role: "viewer", password: "viewer-password-1" });
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

  // Issue 15: "/\t/example.org/phish" passed the prefix checks; a browser drops the tab and leaves the site,
  // and with a newline the Location header was invalid (500).
  it.each(["/\t/example.org/phish", "/\n/example.org/phish", "/.//example.org", "https://example.org/"])("goes home, not to another site, for next=%j", async (next) => {
    expect(await settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password: "viewer-password-1", next })))).toEqual({ status: "redirect", to: "/" });
  });

  it("signs in and goes home when next is not text (a forged file once refused the sign-in with an unrelated message)", async () => {
    const next = new Blob(["/settings"]);
    expect(await settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password: "viewer-password-1", next })))).toEqual({ status: "redirect", to: "/" });
  });
});

describe("sign-in attempts", () => {
  it("are limited to ten per address and email every five minutes, even with the right password after", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.9" });
    for (let i = 0; i < 10; i++) {
      expect(await settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password: `wrong-password-${i}` })))).toMatchObject({ message: "Wrong email or password." });
    }
    const blocked = await settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password: "viewer-password-1" })));
    expect(blocked).toMatchObject({ status: "error", message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/) });
    setRequestHeaders({ "x-forwarded-for": "198.51.100.4" });
    expect(await settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password: "viewer-password-1" })))).toEqual({ status: "redirect", to: "/" });
    setRequestHeaders({});
  });
});

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure only behind HTTPS", async () => {
    const { createAuth } = await import("@/lib/auth/auth");
    const cookieOf = async (publicUrl: string) => {
      const auth = createAuth(getDatabase(), { secret: "s".repeat(40), publicUrl, port: 3000 });
      const { headers } = await auth.api.signInEmail({ body: { email: "vera@example.com", password: "viewer-password-1" }, returnHeaders: true });
      return headers.get("set-cookie") ?? "";
    };
    const plain = await cookieOf("http://tandem.internal:3000");
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/;\s*Secure/i);
    const secure = await cookieOf("https://tandem.example.com");
    expect(secure).toMatch(/HttpOnly/i);
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toContain("__Secure-");
  });
});
