import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database, OpenedDatabase } from "@/db/client";
import { memoryDb } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { KnownTokens } from "@/lib/auth/known-tokens";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { RECORD_DEPLOYMENTS } from "@/lib/ingest/deployments-endpoint";
import { admitToken } from "./endpoint";

let opened: OpenedDatabase;
beforeEach(() => {
  opened = memoryDb();
});
afterEach(() => opened.db.close());

/** The database, with its reads failing: what admitToken lets in through it, it let in without a read. */
const unreadable = (db: Database) =>
  Object.create(db, {
    read: {
      get() {
        throw new Error("read the database");
      },
    },
  }) as Database;

const code = (promise: Promise<unknown>) => promise.then(() => "admitted", (e: unknown) => (e instanceof AppError ? e.code : (e as Error).message));

describe("admitToken with the tokens a server knows", () => {
  it("lets a token it found live before in again without reading it", async () => {
    const known = new KnownTokens();
    const { token, record } = await createApiToken(opened.db, CLI_ACTOR, { name: "ci", role: "ingest" });
    const first = await admitToken(opened.db, `Bearer ${token}`, RECORD_DEPLOYMENTS, known);
    expect(first).toMatchObject({ known: false, token: { id: record.id } });
    const again = await admitToken(unreadable(opened.db), `Bearer ${token}`, RECORD_DEPLOYMENTS, known);
    expect(again).toMatchObject({ known: true, digest: first.digest, token: { id: record.id } });
  });

  it("remembers neither a stranger nor a token refused the permission, which once revoked gets 401", async () => {
    const known = new KnownTokens();
    const { token, record } = await createApiToken(opened.db, CLI_ACTOR, { name: "reader", role: "read" });
    expect(await code(admitToken(opened.db, `Bearer ${token}`, RECORD_DEPLOYMENTS, known))).toBe("forbidden");
    expect(await code(admitToken(unreadable(opened.db), `Bearer ${token}`, RECORD_DEPLOYMENTS, known))).toBe("read the database");
    await revokeApiToken(opened.db, CLI_ACTOR, record.id);
    expect(await code(admitToken(opened.db, `Bearer ${token}`, RECORD_DEPLOYMENTS, known))).toBe("unauthorized");
    expect(await code(admitToken(opened.db, "Bearer tdm_stranger", RECORD_DEPLOYMENTS, known))).toBe("unauthorized");
    expect(await code(admitToken(unreadable(opened.db), "Bearer tdm_stranger", RECORD_DEPLOYMENTS, known))).toBe("read the database");
  });

  it("reads the token every time without a server's known tokens, so a revoked one is refused at once", async () => {
    const { token, record } = await createApiToken(opened.db, CLI_ACTOR, { name: "ci", role: "ingest" });
    expect(await code(admitToken(opened.db, `Bearer ${token}`, RECORD_DEPLOYMENTS))).toBe("admitted");
    await revokeApiToken(opened.db, CLI_ACTOR, record.id);
    expect(await code(admitToken(opened.db, `Bearer ${token}`, RECORD_DEPLOYMENTS))).toBe("unauthorized");
  });
});
