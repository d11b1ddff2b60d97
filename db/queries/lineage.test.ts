import BetterSqlite from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { Random } from "../seed/random";
import { memoryDb } from "../test/temp-db";
import { commitsDelivered, MAX_WALK } from "./lineage";

type Sqlite = ReturnType<typeof memoryDb>["sqlite"];
type Target = { id: number; serviceId: number; environment: string; finishedAt: Date | null };

/** Commits by name (sha = name) with their first parents, deployments listing commits, and the query under test. */
function world() {
  const { db, sqlite } = memoryDb();
  sqlite.prepare("insert into services (id, slug, name, created_at, updated_at) values (1, 'api', 'API', 0, 0), (2, 'web', 'Web', 0, 0)").run();
  const insertCommit = sqlite.prepare("insert into commits (service_id, sha, timestamp, parent_sha) values (?, ?, ?, ?) returning id");
  const insertDeployment = sqlite.prepare("insert into deployments (service_id, environment, status, finished_at, source, created_at, updated_at) values (?, ?, ?, ?, 'test', 0, 0) returning id");
  const link = sqlite.prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?)");
  const ids = new Map<string, number>();
  let clock = 1000;
  /** Adds commits to a service: name -> first parent (null: unknown). */
  const commits = (edges: Record<string, string | null>, serviceId = 1) => {
    for (const [sha, parent] of Object.entries(edges)) ids.set(`${serviceId}:${sha}`, (insertCommit.get(serviceId, sha, (clock += 1000), parent) as { id: number }).id);
  };
  const deploy = (o: { shas?: string[]; status?: string; environment?: string; finishedAt?: number | null; serviceId?: number } = {}): Target => {
    const serviceId = o.serviceId ?? 1;
    const environment = o.environment ?? "production";
    const finishedAt = o.finishedAt === undefined ? 50_000 : o.finishedAt;
    const id = (insertDeployment.get(serviceId, environment, o.status ?? "success", finishedAt) as { id: number }).id;
    for (const sha of o.shas ?? []) link.run(id, ids.get(`${serviceId}:${sha}`));
    return { id, serviceId, environment, finishedAt: finishedAt === null ? null : new Date(finishedAt) };
  };
  /** The shas a deployment of `head` delivers (the target is a new successful deployment unless given). */
  const delivered = async (head: string, target: Target = deploy({ finishedAt: 100_000 })) => (await commitsDelivered(db.read, target, head)).map((c) => c.sha);
  return { db, sqlite, commits, deploy, delivered, ids };
}

describe("commitsDelivered", () => {
  it("walks first parents from the head back to what an earlier deployment delivered, head first, with ids and stored timestamps", async () => {
    const w = world();
    w.commits({ a: null, b: "a", c: "b", d: "c" });
    w.deploy({ shas: ["b"] });
    expect(await w.delivered("d")).toEqual(["d", "c"]);
    const target = w.deploy({ finishedAt: 100_000 });
    expect(await commitsDelivered(w.db.read, target, "d")).toEqual([
      { id: w.ids.get("1:d"), sha: "d", timestamp: 5000 },
      { id: w.ids.get("1:c"), sha: "c", timestamp: 4000 },
    ]);
    expect(await w.delivered("b")).toEqual([]);
  });

  it("stops only at a delivery by an earlier successful deployment of the same service and environment", async () => {
    const w = world();
    w.commits({ a: null, b: "a", c: "b" });
    w.commits({ a: null, b: "a", c: "b" }, 2);
    const at = 100_000;
    w.deploy({ shas: ["b"], status: "failure", finishedAt: at - 1 });
    w.deploy({ shas: ["b"], status: "in_progress", finishedAt: null });
    w.deploy({ shas: ["b"], environment: "staging", finishedAt: at - 1 });
    w.deploy({ shas: ["b"], serviceId: 2, finishedAt: at - 1 });
    w.deploy({ shas: ["b"], finishedAt: at + 1 });
    w.deploy({ shas: ["b"], finishedAt: null });
    const target = w.deploy({ finishedAt: at });
    expect(await w.delivered("c", target)).toEqual(["c", "b", "a"]);
    // Its own links do not stop it (re-deriving after a late push).
    w.sqlite.prepare("insert into deployment_commits (deployment_id, commit_id) values (?, ?)").run(target.id, w.ids.get("1:b"));
    expect(await w.delivered("c", target)).toEqual(["c", "b", "a"]);
    // A later deployment finishing at the same moment does not; an earlier one (smaller id) does.
    const tie = w.deploy({ shas: ["b"], finishedAt: at });
    expect(await w.delivered("c", target)).toEqual(["c", "b", "a"]);
    expect(await w.delivered("c", tie)).toEqual(["c"]);
    w.deploy({ shas: ["a"], finishedAt: at - 1 });
    expect(await w.delivered("c", target)).toEqual(["c", "b"]);
    // Without a finish time, every finished earlier delivery counts.
    expect(await w.delivered("c", { ...target, finishedAt: null })).toEqual(["c"]);
  });

  it("stops at a commit Tandem never saw and at an unknown parent, and returns nothing for an unknown head", async () => {
    const w = world();
    w.commits({ c: "b", d: "c", x: null });
    w.commits({ b: "a" }, 2);
    expect(await w.delivered("d")).toEqual(["d", "c"]);
    expect(await w.delivered("x")).toEqual(["x"]);
    expect(await w.delivered("zzz")).toEqual([]);
  });

  it("never counts commits a force-push or squash merge left behind", async () => {
    const w = world();
    w.commits({ a: null, b: "a", c: "b" });
    w.deploy({ shas: ["a"] });
    // Rewritten: x and y replace b and c on top of a; squashed: s replaces them all.
    w.commits({ x: "a", y: "x", s: "a" });
    expect(await w.delivered("y")).toEqual(["y", "x"]);
    expect(await w.delivered("s")).toEqual(["s"]);
  });

  it(`credits at most ${MAX_WALK} commits, the newest`, async () => {
    const w = world();
    const chain: Record<string, string | null> = { c0: null };
    for (let i = 1; i <= MAX_WALK + 5; i++) chain[`c${i}`] = `c${i - 1}`;
    w.sqlite.transaction(() => w.commits(chain))();
    const shas = await w.delivered(`c${MAX_WALK + 5}`);
    expect(shas).toHaveLength(MAX_WALK);
    expect(shas[0]).toBe(`c${MAX_WALK + 5}`);
    expect(shas.at(-1)).toBe("c6");
  });

  it("ends a walk round a parent cycle, each commit once, in walk order", async () => {
    const w = world();
    w.commits({ a: "b", b: "a", p: "q", q: "r", r: "q" });
    expect(await w.delivered("a")).toEqual(["a", "b"]);
    expect(await w.delivered("p")).toEqual(["p", "q", "r"]);
    w.deploy({ shas: ["r"] });
    expect(await w.delivered("p")).toEqual(["p", "q"]);
  });

  it("answers what a walk one commit at a time answers, whatever the history", async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = new Random(seed);
      const w = world();
      const names = Array.from({ length: 12 }, (_, i) => `s${i}`);
      const known = names.filter(() => r.chance(0.85));
      w.commits(Object.fromEntries(known.map((sha) => [sha, r.chance(0.1) ? null : r.pick(names)])));
      for (let i = 0; i < 6; i++) {
        w.deploy({
          shas: known.filter(() => r.chance(0.2)),
          status: r.pick(["success", "success", "failure"]),
          environment: r.pick(["production", "staging"]),
          finishedAt: r.chance(0.1) ? null : r.int(1, 5) * 1000,
        });
      }
      const target = w.deploy({ finishedAt: r.chance(0.2) ? null : r.int(1, 5) * 1000 });
      for (const head of names) expect(await w.delivered(head, target), `seed ${seed}, head ${head}`).toEqual(walkOneByOne(w.sqlite, target, head));
      w.sqlite.close();
    }
  });

  it("looks each step up by index: the parent by (service, sha), its earlier deliveries by commit", async () => {
    const { db, sqlite } = memoryDb();
    const prepare = vi.spyOn(BetterSqlite.prototype, "prepare");
    await commitsDelivered(db.read, { id: 1, serviceId: 1, environment: "production", finishedAt: new Date(0) }, "abc");
    const source = prepare.mock.calls.map(([sql]) => sql).find((sql) => sql.includes("with recursive"))!;
    prepare.mockRestore();
    const plan = (sqlite.prepare(`explain query plan ${source}`).all(...Array.from(source.matchAll(/\?/g), () => 1)) as { detail: string }[]).map((p) => p.detail);
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH c USING INDEX commits_service_sha_idx \(service_id=\? AND sha=\?\)/));
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH dc USING INDEX deployment_commits_commit_idx \(commit_id=\?\)/));
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH e USING INTEGER PRIMARY KEY \(rowid=\?\)/));
    expect(plan.filter((p) => /^SCAN (c|dc|e|commits|deployments|deployment_commits)\b/.test(p))).toEqual([]);
    sqlite.close();
  });
});

/** The walk as Tandem did it before the recursive query: one look-up and one delivered-before test per commit. */
function walkOneByOne(sqlite: Sqlite, d: Target, head: string): string[] {
  const lookup = sqlite.prepare("select id, parent_sha as parentSha from commits where service_id = ? and sha = ?");
  const deliveredBefore = sqlite.prepare(`select 1 from deployment_commits dc join deployments e on e.id = dc.deployment_id
    where dc.commit_id = ? and e.service_id = ? and e.environment = ? and e.status = 'success' and e.id <> ?
      and (e.finished_at < ? or (e.finished_at = ? and e.id < ?)) limit 1`);
  const finished = d.finishedAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const shas: string[] = [];
  const seen = new Set<string>();
  let sha: string | null = head;
  while (sha !== null && !seen.has(sha) && shas.length < MAX_WALK) {
    seen.add(sha);
    const commit = lookup.get(d.serviceId, sha) as { id: number; parentSha: string | null } | undefined;
    if (!commit || deliveredBefore.get(commit.id, d.serviceId, d.environment, d.id, finished, finished, d.id)) break;
    shas.push(sha);
    sha = commit.parentSha;
  }
  return shas;
}
