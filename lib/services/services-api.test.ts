import { beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { firstRow } from "@/db/raw";
import { createApiToken } from "@/lib/auth/tokens";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { PUT } from "@/app/api/v1/services/[slug]/route";

const database = processDatabase();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const role of ["ingest", "read", "admin"] as const) tokens[role] = (await createApiToken(database.db(), CLI_ACTOR, { name: role, role })).token;
});

const put = (slug: string, body: unknown, token = tokens.ingest!) =>
  PUT(
    new Request(`http://tandem.test/api/v1/services/${slug}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
const count = async (query: SQL) => (await firstRow<{ n: number }>(database.db().read, query))!.n;

describe("PUT /api/v1/services/{slug}", () => {
  it("creates with 201, then updates only the fields given with 200, audited", async () => {
    const created = await put("checkout", { name: "Checkout", team: "payments", repository: "https://git.example.com/checkout" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ slug: "checkout", name: "Checkout", team: "payments", description: null });
    const updated = await put("checkout", { description: "Takes the money" });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ name: "Checkout", team: "payments", description: "Takes the money" });
    const cleared = await put("checkout", { team: "" });
    expect((await cleared.json()).team).toBeNull();
    expect(await count(sql`select count(*) as "n" from "audit_log" where "entity_type" = 'service'`)).toBe(3);
  });

  it("makes the team a service names, so its team page exists, and keeps one team per slug", async () => {
    await put("ledger", { team: "money" });
    await put("wallet", { team: "money" });
    expect(await count(sql`select count(*) as "n" from "teams" where "slug" = 'money' and "name" = 'Money'`)).toBe(1);
  });

  it("names the field of a bad value and writes nothing", async () => {
    const before = await count(sql`select count(*) as "n" from "services"`);
    const cases: [string, unknown, string, string][] = [
      ["Bad Slug", {}, "slug", "must be a slug: lower-case letters, digits and dashes, starting with a letter or digit"],
      ["web", { team: "Not A Slug" }, "team", "must be a slug: lower-case letters, digits and dashes, starting with a letter or digit"],
      ["web", { repository: "ftp://x" }, "repository", "must be an http(s) URL"],
      ["web", { name: "" }, "name", "must not be empty"],
      ["web", { description: "x\u0000x" }, "description", "must not contain a NUL character"],
      ["web", { colour: "red" }, "_", 'Unrecognized key: "colour"'],
    ];
    for (const [slug, body, field, problem] of cases) {
      const response = await put(slug, body);
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.code).toBe("bad_request");
      expect(json.error.fields[field]).toBe(problem);
    }
    expect((await put("web", "{not json")).status).toBe(400);
    expect(await count(sql`select count(*) as "n" from "services"`)).toBe(before);
  });

  it("accepts ingest and admin tokens but not read", async () => {
    expect((await put("api", {}, tokens.admin)).status).toBe(201);
    const read = await put("api-2", {}, tokens.read);
    expect(read.status).toBe(403);
    expect(await count(sql`select count(*) as "n" from "services" where "slug" = 'api-2'`)).toBe(0);
  });
});
