import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getAuth } from "@/lib/auth/auth";
import { createUserAccount, setUserActiveState } from "@/lib/users/users";
import { sessionCookie, setRequestHeaders } from "@/app/_actions/test-request";
import { GET } from "./route";

vi.mock("next/headers", async () => (await import("@/app/_actions/test-request")).nextHeadersMock);
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());
beforeAll(async () => {
  for (const name of ["dana", "sam"]) {
    await createUserAccount(await getAuth(), getDatabase(), CLI_ACTOR, { email: `${name}@example.com`, name, role: "engineer", password: `${name}-password-123` });
  }
});

const decoder = new TextDecoder();
async function next(reader: ReadableStreamDefaultReader<Uint8Array>, within = 2_000): Promise<string | null> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no message in time")), within));
  const { value, done } = await Promise.race([reader.read(), timeout]);
  return done ? null : decoder.decode(value);
}

/** Opens the signed-in wall's stream as `name`, past its first message. */
async function openStream(name: string) {
  setRequestHeaders({ cookie: await sessionCookie(`${name}@example.com`, `${name}-password-123`) });
  const response = await GET(new Request("http://tandem.test/api/wall/session/events"), { params: Promise.resolve({ token: "session" }) });
  setRequestHeaders({});
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  expect(await next(reader)).toMatch(/^retry: 1000\ndata: /);
  return reader;
}

describe("the signed-in wall's live stream", () => {
  // Issue 15, item 11: it asked nothing after it opened, so a deactivated person kept receiving.
  it("ends at the next event once its person is deactivated", async () => {
    const reader = await openStream("dana");
    const dana = (await findUserByEmail(getDatabase().read, "dana@example.com"))!;
    await setUserActiveState(getDatabase(), CLI_ACTOR, { userId: dana.id, active: false });
    expect(await next(reader)).toBe("event: gone\ndata: {}\n\n");
    expect(await next(reader)).toBeNull();
  });

  it("ends once its session is signed out, and keeps going for everyone else", async () => {
    const kept = await openStream("sam");
    const cookie = await sessionCookie("sam@example.com", "sam-password-123");
    setRequestHeaders({ cookie });
    const ended = await GET(new Request("http://tandem.test/api/wall/session/events"), { params: Promise.resolve({ token: "session" }) });
    const reader = ended.body!.getReader();
    await next(reader);
    await (await getAuth()).api.signOut({ headers: new Headers({ cookie }) });
    setRequestHeaders({});
    expect(await next(reader)).toBe("event: gone\ndata: {}\n\n");
    expect(await next(kept)).toMatch(/^data: /);
  });
});
