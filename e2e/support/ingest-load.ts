
/**
 * Keeps a server busy with the writes that touch the most tables at once (deployments with commits,
 * batches, incidents), remembering which were acknowledged, and checks a database holds them whole.
 */
export type Sent = { kind: "deployment" | "batch" | "incident"; externalIds: string[] };

const BATCH = 25;
const COMMITS = 3;

/** One row of a query with `?` parameters, on whichever engine holds the data (own-server.ts has both). */
export type RowQuery = (sql: string, args: unknown[]) => Promise<Record<string, number> | undefined>;

export class IngestLoad {
  readonly sent = new Map<string, Sent>();
  readonly acked = new Set<string>();
  private next = 0;
  private stopping = false;
  private running: Promise<void>[] = [];

  constructor(
    private readonly base: () => string,
    private readonly token: string,
    private readonly prefix: string,
  ) {}

  /** Starts `clients` writers that go on until stop() or until the server stops answering. */
  start(clients = 3): void {
    this.stopping = false;
    this.running = Array.from({ length: clients }, () => this.client());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /** Resolves once the writers gave up (the server is gone). */
  settled(): Promise<void> {
    return Promise.all(this.running).then(() => undefined);
  }

  private async client(): Promise<void> {
    while (!this.stopping) {
      const n = this.next++;
      const key = `${this.prefix}-${n}`;
      const { path, body, sent } = this.write(n, key);
      this.sent.set(key, sent);
      try {
        const response = await fetch(`${this.base()}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (response.ok) this.acked.add(key);
        else throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      } catch (e) {
        // A write cut off by the kill may or may not have committed; only an answer from a live server is a bug.
        if (e instanceof Error && e.message.includes("answered")) throw e;
        return;
      }
    }
  }

  private write(n: number, key: string): { path: string; body: unknown; sent: Sent } {
    const now = Date.now();
    const service = `${this.prefix}-svc-${n % 3}`;
    const deployment = (externalId: string, i: number) => ({
      service,
      status: "success",
      startedAt: new Date(now - 600_000).toISOString(),
      finishedAt: new Date(now).toISOString(),
      externalId,
      commits: Array.from({ length: COMMITS }, (_, c) => ({
        sha: `${(n * 1000 + i * 10 + c).toString(16)}`.padStart(40, "a"),
        timestamp: new Date(now - 3_600_000).toISOString(),
        message: `change ${externalId}/${c}`,
      })),
    });
    if (n % 5 === 4) {
      const ids = Array.from({ length: BATCH }, (_, i) => `${key}-${i}`);
      return { path: "/api/v1/deployments", body: { deployments: ids.map((id, i) => deployment(id, i)) }, sent: { kind: "batch", externalIds: ids } };
    }
    if (n % 5 === 2) {
      const resolved = n % 2 === 0;
      return {
        path: "/api/v1/incidents",
        body: {
          title: `Load incident ${key}`,
          service,
          severity: "SEV3",
          startedAt: new Date(now - 1_200_000).toISOString(),
          ...(resolved ? { status: "resolved", acknowledgedAt: new Date(now - 900_000).toISOString(), resolvedAt: new Date(now).toISOString() } : {}),
          externalId: key,
        },
        sent: { kind: "incident", externalIds: [key] },
      };
    }
    return { path: "/api/v1/deployments", body: deployment(key, 0), sent: { kind: "deployment", externalIds: [key] } };
  }

  /**
   * Every acknowledged write is in `db`; every write of this load that is there at all is whole
   * (its commits, timeline event and audit entry); a batch is all there or not at all. Returns
   * the problems found, so a failure lists them all.
   */
  async problems(query: RowQuery, only: Set<string> = this.acked): Promise<string[]> {
    const problems: string[] = [];
    const one = (sql: string, ...args: unknown[]) => query(sql, args);
    const count = async (sql: string, ...args: unknown[]) => Number((await query(sql, args))!.n);
    for (const [key, sent] of this.sent) {
      const table = sent.kind === "incident" ? "incidents" : "deployments";
      const rows = await Promise.all(sent.externalIds.map((id) => one(`select id, status from ${table} where external_id = ?`, id)));
      const present = rows.filter(Boolean).length;
      if (only.has(key) && present !== rows.length) problems.push(`${key} was acknowledged but ${rows.length - present} of ${rows.length} rows are missing`);
      if (present !== 0 && present !== rows.length) problems.push(`${key} is half there: ${present} of ${rows.length} rows`);
      for (const row of rows) {
        if (!row) continue;
        if (sent.kind === "incident") {
          if ((await count("select count(*) n from timeline_events where type = 'incident' and subject_id = ? and action = 'declared'", row.id)) !== 1) problems.push(`incident ${key} lacks its declared event`);
          if ((await count("select count(*) n from incident_updates where incident_id = ? and kind = 'declared'", row.id)) !== 1) problems.push(`incident ${key} lacks its declared update`);
          if ((await count("select count(*) n from audit_log where entity_type = 'incident' and entity_id = ? and action = 'incident.create'", String(row.id))) !== 1) problems.push(`incident ${key} is not audited once`);
        } else {
          if ((await count("select count(*) n from deployment_commits where deployment_id = ?", row.id)) !== COMMITS) problems.push(`deployment ${key} lacks commits`);
          if ((await count("select count(*) n from timeline_events where type = 'deployment' and subject_id = ?", row.id)) < 1) problems.push(`deployment ${key} lacks its timeline event`);
          if ((await count("select count(*) n from audit_log where entity_type = 'deployment' and entity_id = ?", String(row.id))) < 1) problems.push(`deployment ${key} is not audited`);
        }
      }
    }
    return problems;
  }
}
