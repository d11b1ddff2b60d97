import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { parseConfig } from "@/lib/config/config";
import { createAuth } from "@/lib/auth/auth";
import { openDatabase } from "@/db/client";
import { announceAdmin, DEMO_ADMIN_EMAIL, prepareDatabase } from "./prepare";
import { runCli } from "./run";
import { captureIo } from "./test-io";

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

const count = (table: string) => {
  const db = new Database(t.file, { readonly: true });
  const n = (db.prepare(`select count(*) n from "${table}"`).get() as { n: number }).n;
  db.close();
  return n;
};

describe("npm start's database preparation", () => {
  it("seeds demo data into a database it creates, and prints a working admin login once", async () => {
    const env = { DATABASE_URL: `file:${t.file}` };
    const io = captureIo(env);
    const prepared = await prepareDatabase(parseConfig(env), io);
    expect(prepared).toMatchObject({ created: true, seeded: true });
    expect(count("deployments")).toBeGreaterThan(500);
    // The login is not printed while preparing: npm start prints it after a first build's log (announceAdmin).
    expect(io.stdout.join("\n")).not.toContain(prepared.admin!.password);
    const told = captureIo(env);
    announceAdmin(told, prepared.admin);
    expect(told.stdout.join("\n")).toBe(`Created an admin to sign in with (shown only this once):\n  email:    ${DEMO_ADMIN_EMAIL}\n  password: ${prepared.admin!.password}`);

    const { db } = openDatabase(t.file);
    const auth = createAuth(db, { secret: "x".repeat(40), publicUrl: undefined, port: 3000 });
    const signedIn = await auth.api.signInEmail({ body: { email: DEMO_ADMIN_EMAIL, password: prepared.admin!.password } });
    expect(signedIn.user.email).toBe(DEMO_ADMIN_EMAIL);
    await db.close();

    const second = await prepareDatabase(parseConfig(env), captureIo(env));
    expect(second).toEqual({ created: false, seeded: false, admin: null });
  });

  it("leaves a database made by migrate empty (but creates an admin so someone can sign in)", async () => {
    const env = { DATABASE_URL: `file:${t.file}` };
    await runCli(["migrate"], captureIo(env));
    const prepared = await prepareDatabase(parseConfig(env), captureIo(env));
    expect(prepared.seeded).toBe(false);
    expect(prepared.admin?.email).toBe(DEMO_ADMIN_EMAIL);
    expect(count("deployments")).toBe(0);
  });

  it("never seeds when TANDEM_DEMO=off", async () => {
    const env = { DATABASE_URL: `file:${t.file}`, TANDEM_DEMO: "off" };
    const prepared = await prepareDatabase(parseConfig(env), captureIo(env));
    expect(prepared).toMatchObject({ created: true, seeded: false });
    expect(count("services")).toBe(0);
  });

  it("creates no admin when someone can already sign in", async () => {
    const env = { DATABASE_URL: `file:${t.file}` };
    await runCli(["user", "add", "--email", "me@example.com", "--name", "Me", "--role", "admin", "--password", "my-password-1"], captureIo(env));
    const prepared = await prepareDatabase(parseConfig(env), captureIo(env));
    expect(prepared.admin).toBeNull();
  });
});
