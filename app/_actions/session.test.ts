import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { tempDir } from "@/db/test/temp-db";
import { session } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
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
  const at = (address: string, more: Record<string, string> = {}) => setRequestHeaders({ [CLIENT_ADDRESS_HEADER]: address, ...more });
  const attempt = (password: string) => settle(signIn({ status: "idle" }, form({ email: "vera@example.com", password })));
  const tooMany = { status: "error", message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/) };

  it("are limited to ten per address and email every five minutes, even with the right password after", async () => {
    at("203.0.113.9");
    for (let i = 0; i < 10; i++) expect(await attempt(`wrong-password-${i}`)).toMatchObject({ message: "Wrong email or password." });
    expect(await attempt("viewer-password-1")).toMatchObject(tooMany);
    at("198.51.100.4");
    expect(await attempt("viewer-password-1")).toEqual({ status: "redirect", to: "/" });
    setRequestHeaders({});
  });

  // Issue 15, item 3: the limit was keyed by X-Forwarded-For, which the client writes.
  it("count by the address the server found, whatever X-Forwarded-For each attempt claims", async () => {
    for (let i = 0; i < 30; i++) {
      at("192.0.2.30", { "x-forwarded-for": `198.18.0.${i}` });
      const result = await attempt(`wrong-password-${i}`);
      if (i >= 10) expect(result).toMatchObject(tooMany);
    }
    setRequestHeaders({});
  });

  // Issue 15, item 3: without a proxy every client shared one key, so anyone could lock anyone out.
  it("from a stranger's address leave the owner's own address its tries", async () => {
    at("192.0.2.66");
    for (let i = 0; i < 11; i++) await attempt(`stolen-guess-${i}`);
    expect(await attempt("viewer-password-1")).toMatchObject(tooMany);
    at("192.0.2.10");
    expect(await attempt("viewer-password-1")).toEqual({ status: "redirect", to: "/" });
    setRequestHeaders({});
  });

  it("leave a session that records the server's address, not X-Forwarded-For", async () => {
    at("192.0.2.44", { "x-forwarded-for": "203.0.113.250" });
    expect(await attempt("viewer-password-1")).toEqual({ status: "redirect", to: "/" });
    const rows = await getDatabase().read.select({ ipAddress: session.ipAddress }).from(session);
    expect(rows.map((r) => r.ipAddress)).toContain("192.0.2.44");
    expect(rows.map((r) => r.ipAddress)).not.toContain("203.0.113.250");
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
    expect(await cookieOf("HTTPS://TANDEM.EXAMPLE.COM")).toMatch(/;\s*Secure/i);
  });
});
