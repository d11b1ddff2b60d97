import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { openDatabase } from "@/db/client";
import { createApiToken } from "@/lib/auth/tokens";
import { tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { PUT } from "@/app/api/v1/services/[slug]/route";

const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  const { db, sqlite } = openDatabase(t.file);
  for (const role of ["ingest", "read", "admin"] as const) tokens[role] = (await createApiToken(db, CLI_ACTOR, { name: role, role })).token;
  sqlite.close();
});
afterAll(() => t.cleanup());

const put = (slug: string, body: unknown, token = tokens.ingest!) =>
  PUT(
    new Request(`http://tandem.test/api/v1/services/${slug}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
const count = (sql: string) => {
  const db = new Database(t.file, { readonly: true });
  const n = (db.prepare(sql).get() as { n: number }).n;
  db.close();
  return n;
};

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
    expect(count("select count(*) n from audit_log where entity_type = 'service'")).toBe(3);
  });

  it("names the field of a bad value and writes nothing", async () => {
    const before = count("select count(*) n from services");
    const cases: [string, unknown, string, string][] = [
      ["Bad Slug", {}, "slug", "must be a slug: lower-case letters, digits and dashes, starting with a letter or digit"],
      ["web", { team: "Not A Slug" }, "team", "must be a slug: lower-case letters, digits and dashes, starting with a letter or digit"],
      ["web", { repository: "ftp://x" }, "repository", "must be an http(s) URL"],
      ["web", { name: "" }, "name", "must not be empty"],
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
    expect(count("select count(*) n from services")).toBe(before);
  });

  it("accepts ingest and admin tokens but not read", async () => {
    expect((await put("api", {}, tokens.admin)).status).toBe(201);
    const read = await put("api-2", {}, tokens.read);
    expect(read.status).toBe(403);
    expect(count("select count(*) n from services where slug = 'api-2'")).toBe(0);
  });
});
