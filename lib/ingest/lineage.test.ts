import { describe, expect, it } from "vitest";
import { commitsDelivered, type KnownCommit } from "./lineage";

function graph(edges: Record<string, string | null>) {
  const ids = new Map(Object.keys(edges).map((sha, i) => [sha, i + 1]));
  const lookup = async (sha: string): Promise<KnownCommit | undefined> => (sha in edges ? { id: ids.get(sha)!, parentSha: edges[sha]! } : undefined);
  const names = (list: number[]) => list.map((id) => [...ids.entries()].find(([, v]) => v === id)![0]);
  return { lookup, ids, names };
}

describe("commitsDelivered", () => {
  it("walks first parents back to what an earlier deployment delivered", async () => {
    const g = graph({ a: null, b: "a", c: "b", d: "c" });
    const delivered = new Set([g.ids.get("b")!]);
    expect(g.names(await commitsDelivered("d", g.lookup, async (id) => delivered.has(id)))).toEqual(["d", "c"]);
  });

  it("stops at a commit Tandem never saw, and returns nothing for an unknown head", async () => {
    const g = graph({ c: "b", d: "c" });
    expect(g.names(await commitsDelivered("d", g.lookup, async () => false))).toEqual(["d", "c"]);
    expect(await commitsDelivered("zzz", g.lookup, async () => false)).toEqual([]);
  });

  it("never follows a cycle", async () => {
    const g = graph({ a: "b", b: "a" });
    expect(g.names(await commitsDelivered("a", g.lookup, async () => false))).toEqual(["a", "b"]);
  });
});
