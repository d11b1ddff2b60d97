import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { session } from "@/db/schema";
import { memoryDb } from "@/db/test/temp-db";
import { setClock, TEST_NOW } from "@/lib/testing/clock";
import { createUserAccount } from "@/lib/users/users";
import { CLI_ACTOR } from "./actor";
import { createAuth } from "./auth";
import { sessionTokenDigest } from "./hashed-sessions";

const SECRET = "a-test-secret-that-is-long-enough-123456";
const COOKIE = "better-auth.session_token";

async function setup() {
  const { db } = memoryDb();
  const auth = createAuth(db, { secret: SECRET, publicUrl: undefined, port: 3000 });
  const user = await createUserAccount(auth, db, CLI_ACTOR, { email: "vera@example.com", name: "Vera", role: "viewer", password: "viewer-password-1" });
  const { headers } = await auth.api.signInEmail({ body: { email: "vera@example.com", password: "viewer-password-1" }, returnHeaders: true });
  const cookie = headers.get("set-cookie")!.split(";")[0]!;
  const token = decodeURIComponent(cookie.slice(COOKIE.length + 1)).split(".")[0]!;
  const rows = () => db.read.select().from(session).where(eq(session.userId, user.id));
  return { auth, cookie, token, rows };
}

/** The cookie better-auth would accept for `token`: what anyone holding the secret can make. */
const forged = (token: string) => `${COOKIE}=${encodeURIComponent(`${token}.${createHmac("sha256", SECRET).update(token).digest("base64")}`)}`;
const sessionOf = (auth: Awaited<ReturnType<typeof setup>>["auth"], cookie: string) => auth.api.getSession({ headers: new Headers({ cookie }) });

// Issue 15, item 5: from a backup (which holds the secret and the tokens) an attacker forged the admin's cookie.
describe("session tokens", () => {
  it("are stored as their SHA-256 digest, never in clear", async () => {
    const { token, rows } = await setup();
    const [row] = await rows();
    expect(row!.token).toBe(sessionTokenDigest(token));
    expect(row!.token).not.toContain(token);
  });

  it("cannot be forged from what the database holds, while the real cookie works", async () => {
    const { auth, cookie, token, rows } = await setup();
    expect((await sessionOf(auth, cookie))?.user.email).toBe("vera@example.com");
    // The forgery is made right: from the token itself it passes.
    expect((await sessionOf(auth, forged(token)))?.user.email).toBe("vera@example.com");
    expect(await sessionOf(auth, forged((await rows())[0]!.token))).toBeNull();
  });

  it("stay valid when better-auth extends the session, and end on sign-out", async () => {
    const { auth, cookie, rows } = await setup();
    const before = (await rows())[0]!.expiresAt;
    setClock(new Date(TEST_NOW.getTime() + 2 * 24 * 3600_000));
    expect((await sessionOf(auth, cookie))?.user.email).toBe("vera@example.com");
    expect((await rows())[0]!.expiresAt.getTime()).toBeGreaterThan(before.getTime());
    expect((await sessionOf(auth, cookie))?.user.email).toBe("vera@example.com");
    await auth.api.signOut({ headers: new Headers({ cookie }) });
    expect(await rows()).toEqual([]);
    expect(await sessionOf(auth, cookie)).toBeNull();
  });
});
