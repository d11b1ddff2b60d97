import { describe, expect, it } from "vitest";
import { commitsDelivered, type KnownCommit } from "./lineage";

function graph(edges: Record<string, string | null>) {
  const ids = new Map(Object.keys(edges).map((sha, i) => [sha, i + 1]));
  const lookup = (sha: string): KnownCommit | undefined => (sha in edges ? { id: ids.get(sha)!, parentSha: edges[sha]! } : undefined);
  const names = (list: number[]) => list.map((id) => [...ids.entries()].find(([, v]) => v === id)![0]);
  return { lookup, ids, names };
}

describe("commitsDelivered", () => {
  it("walks first parents back to what an earlier deployment delivered", () => {
    const g = graph({ a: null, b: "a", c: "b", d: "c" });
    const delivered = new Set([g.ids.get("b")!]);
    expect(g.names(commitsDelivered("d", g.lookup, (id) => delivered.has(id)))).toEqual(["d", "c"]);
  });

  it("stops at a commit Tandem never saw, and returns nothing for an unknown head", () => {
    const g = graph({ c: "b", d: "c" });
    expect(g.names(commitsDelivered("d", g.lookup, () => false))).toEqual(["d", "c"]);
    expect(commitsDelivered("zzz", g.lookup, () => false)).toEqual([]);
  });

  it("never follows a cycle", () => {
    const g = graph({ a: "b", b: "a" });
    expect(g.names(commitsDelivered("a", g.lookup, () => false))).toEqual(["a", "b"]);
  });
});
