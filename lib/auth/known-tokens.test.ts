import { describe, expect, it } from "vitest";
import type { PublicToken } from "@/db/queries/tokens";
import { KnownTokens } from "./known-tokens";

const token = (id: number): PublicToken => ({ id, name: `t${id}`, role: "ingest", prefix: "tdm_abc", createdBy: null, createdAt: new Date(0), lastUsedAt: null, revokedAt: null });

describe("KnownTokens", () => {
  it("gives back a remembered token by its digest until it is forgotten", () => {
    const known = new KnownTokens();
    known.remember("d1", token(1));
    expect(known.get("d1")?.id).toBe(1);
    expect(known.get("d2")).toBeUndefined();
    known.forget("d1");
    expect(known.get("d1")).toBeUndefined();
  });

  it("forgets the oldest token once full, never more than it holds", () => {
    const known = new KnownTokens(2);
    known.remember("d1", token(1));
    known.remember("d2", token(2));
    // Remembering a token again does not push another out.
    known.remember("d2", token(2));
    expect(known.get("d1")?.id).toBe(1);
    known.remember("d3", token(3));
    expect(known.get("d1")).toBeUndefined();
    expect([known.get("d2")?.id, known.get("d3")?.id]).toEqual([2, 3]);
  });
});
