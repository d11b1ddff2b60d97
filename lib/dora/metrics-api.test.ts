import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { scenario } from "@/db/test/scenario";
import { processDatabase } from "@/db/test/engine";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { GET } from "@/app/api/v1/metrics/route";
import { GET as prometheus } from "@/app/metrics/route";

const database = processDatabase();
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const db = database.db();
  const s = scenario(db);
  // Window 2026-03-02 → 2026-03-16 (14 days, two ISO weeks).
  const a = await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-03T12:00:00Z", commits: [{ sha: "c1", at: "2026-03-03T10:00:00Z" }] });
  await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-03T12:30:00Z", rollbackOf: a });
  await s.deploy({ service: "api", team: "core", finishedAt: "2026-03-10T12:00:00Z", unplanned: true, commits: [{ sha: "c2", at: "2026-03-09T12:00:00Z" }] });
  await s.deploy({ service: "web", team: "growth", finishedAt: "2026-03-11T12:00:00Z", commits: [{ sha: "c3", at: "2026-03-11T08:00:00Z" }] });
  await s.incident({ service: "web", startedAt: "2026-03-12T09:00:00Z", acknowledgedAt: "2026-03-12T09:06:00Z", resolvedAt: "2026-03-12T10:00:00Z" });
  tokens.read = (await createApiToken(db, CLI_ACTOR, { name: "r", role: "read" })).token;
  tokens.ingest = (await createApiToken(db, CLI_ACTOR, { name: "i", role: "ingest" })).token;
});

const call = (query: string, token: string | null = tokens.read!) =>
  GET(new Request(`http://tandem.test/api/v1/metrics${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
    params: Promise.resolve({}),
  });

describe("GET /api/v1/metrics", () => {
  it("answers every field as worked out by hand", async () => {
    const response = await call("?from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      window: { from: "2026-03-02T00:00:00.000Z", to: "2026-03-16T00:00:00.000Z", days: 14 },
      // D = 4 deployments over 14 days, on 3 distinct days (Mar 3 twice, Mar 10, Mar 11).
      deploymentFrequency: { deployments: 4, perDay: 4 / 14, perWeek: 2, deployDays: 3, level: "high" },
      // leads: c1 2 h, c2 24 h, c3 4 h → median 4 h; p90 rank 1.8 → 4 h + 0.8 × 20 h = 20 h.
      leadTime: { medianSeconds: 14_400, p90Seconds: 72_000, changes: 3, level: "elite" },
      // a was rolled back: 1 of 4.
      changeFailureRate: { rate: 0.25, failed: 1, deployments: 4, level: "low" },
      recoveryTime: { medianSeconds: 1800, recovered: 1, unrecovered: 0, level: "elite" },
      // the rollback and the unplanned hotfix.
      reworkRate: { rate: 0.5, unplanned: 2, deployments: 4 },
      timeToRestore: { medianSeconds: 3600, incidents: 1, mttaMedianSeconds: 360 },
      series: [
        { weekStart: "2026-03-02T00:00:00.000Z", deployments: 2, leadTimeMedianSeconds: 7200, changeFailureRate: 0.5, recoveryMedianSeconds: 1800 },
        { weekStart: "2026-03-09T00:00:00.000Z", deployments: 2, leadTimeMedianSeconds: 50_400, changeFailureRate: 0, recoveryMedianSeconds: null },
      ],
    });
  });

  it("filters by team, and a team with no data is 200 with empty figures", async () => {
    const growth = await (await call("?from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z&team=growth")).json();
    expect(growth.deploymentFrequency.deployments).toBe(1);
    const nobody = await call("?from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z&team=nobody");
    expect(nobody.status).toBe(200);
    expect((await nobody.json()).changeFailureRate.rate).toBeNull();
  });

  it.each([
    ["?from=last-week", 400, "bad_request", "from: from must be an ISO-8601 timestamp with an offset, e.g. 2026-01-31T00:00:00Z, or a date, e.g. 2026-01-31"],
    ["?from=2026-03-16T00:00:00Z&to=2026-03-02T00:00:00Z", 400, "bad_request", "from: must be before to"],
    ["?from=2023-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", 400, "bad_request", "from: the window must be at most 731 days (2 years)"],
  ])("refuses %s with %i", async (query, status, code, message) => {
    const response = await call(query);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message, fields: { from: message.slice("from: ".length) } } });
  });

  it("needs a valid token with the read role", async () => {
    const none = await call("", null);
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe("unauthorized");
    expect((await call("", "tdm_nope")).status).toBe(401);
    const ingest = await call("", tokens.ingest);
    expect(ingest.status).toBe(403);
    expect((await ingest.json()).error.message).toBe("A token with role ingest may not read metrics.");
  });
});

describe("GET /metrics (Prometheus)", () => {
  const scrape = (token: string | null) =>
    prometheus(new Request("http://tandem.test/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve({}) });

  it("serves the text exposition format to a read token", async () => {
    const response = await scrape(tokens.read!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(await response.text()).toContain('tandem_deployments_total{service="api",team="core",environment="production"} 3');
  });

  it("refuses without a token, and an ingest token", async () => {
    expect((await scrape(null)).status).toBe(401);
    expect((await scrape(tokens.ingest!)).status).toBe(403);
  });
});
