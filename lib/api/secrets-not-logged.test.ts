import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { createApiToken } from "@/lib/auth/tokens";
import { tempDir } from "@/db/test/temp-db";
import { authorizedAction } from "@/app/_actions/authorized-action";
import { sessionCookie, setRequestHeaders } from "@/app/_actions/test-request";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { createUserAccount } from "@/lib/users/users";
import { apiRoute } from "@/app/_http/api-route";

vi.mock("next/headers", async () => (await import("@/app/_actions/test-request")).nextHeadersMock);

/*
 * When something fails unexpectedly Tandem logs the error, and only the error: never the request's
 * token, cookie, password or body, which are what an attacker reading logs would want.
 */
const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());
let token = "";
let cookie = "";
beforeAll(async () => {
  token = (await createApiToken(getDatabase(), CLI_ACTOR, { name: "logged?", role: "admin" })).token;
  await createUserAccount(await getAuth(), getDatabase(), CLI_ACTOR, { email: "ada@example.com", name: "Ada", role: "admin", password: "admin-password-1" });
  cookie = await sessionCookie("ada@example.com", "admin-password-1");
});
afterEach(() => vi.restoreAllMocks());

function captureLogs(): () => string {
  const lines: unknown[][] = [];
  for (const level of ["error", "warn", "log", "info"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args));
  return () => lines.map((args) => args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")).join("\n");
}

describe("logs of unexpected failures", () => {
  it("from an API route hold neither the token nor the body", async () => {
    const logs = captureLogs();
    const route = apiRoute({ permission: "record", doing: "fail on purpose", query: z.object({}), body: z.object({ secret: z.string() }) }, () => {
      throw new Error("the database went away");
    });
    const response = await route(
      new Request("http://tandem.test/api/v1/x", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ secret: "body-secret-123" }) }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("database went away");
    expect(logs()).toContain("the database went away");
    expect(logs()).not.toContain(token);
    expect(logs()).not.toContain("body-secret-123");
  });

  it("from a server action hold neither the session cookie nor the submitted password", async () => {
    setRequestHeaders({ cookie });
    const logs = captureLogs();
    const action = authorizedAction({ schema: z.object({ password: z.string() }), permission: "manage", doing: "fail on purpose" }, () => {
      throw new Error("disk full");
    });
    const form = new FormData();
    form.append("password", "hunter2-form-secret");
    const result = await action({ status: "idle" }, form);
    expect(result).toMatchObject({ status: "error", message: "Tandem could not fail on purpose; nothing was saved. Try again." });
    expect(JSON.stringify(result)).not.toContain("hunter2-form-secret");
    expect(logs()).toContain("disk full");
    expect(logs()).not.toContain("hunter2-form-secret");
    expect(logs()).not.toContain(cookie.split("=")[1]!);
    setRequestHeaders({});
  });
});
