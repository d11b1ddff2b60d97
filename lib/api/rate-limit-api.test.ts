import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { GET } from "@/app/api/v1/metrics/route";

const database = processDatabase();
process.env.TANDEM_RATE_LIMIT = "3";
const tokens: string[] = [];
beforeAll(async () => {
  const db = database.db();
  tokens.push((await createApiToken(db, CLI_ACTOR, { name: "a", role: "read" })).token, (await createApiToken(db, CLI_ACTOR, { name: "b", role: "read" })).token);
});

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
