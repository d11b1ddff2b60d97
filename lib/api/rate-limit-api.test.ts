import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createApiToken } from "@/lib/auth/tokens";
import { tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { GET } from "@/app/api/v1/metrics/route";

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
process.env.TANDEM_RATE_LIMIT = "3";
const tokens: string[] = [];
beforeAll(async () => {
  const { db } = openDatabase(t.file);
  tokens.push((await createApiToken(db, CLI_ACTOR, { name: "a", role: "read" })).token, (await createApiToken(db, CLI_ACTOR, { name: "b", role: "read" })).token);
  await db.close();
});
afterAll(() => t.cleanup());

const call = (token: string) => GET(new Request("http://tandem.test/api/v1/metrics", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

describe("per-token rate limit", () => {
  it("answers 429 with Retry-After once a token exceeds TANDEM_RATE_LIMIT a minute, other tokens unaffected", async () => {
    for (let i = 0; i < 3; i++) expect((await call(tokens[0]!)).status).toBe(200);
    const limited = await call(tokens[0]!);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect((await call(tokens[1]!)).status).toBe(200);
  });
});
