import { afterEach, expect, it } from "vitest";
import { connectDatabase } from "../client";
import type { Queryable } from "../database";
import { commits, deploymentCommits, deployments, services } from "../schema";
import { freshDatabase } from "../test/engine";
import { databaseTargetOf } from "../url";
import { copyDatabase, countRows, type TableCount } from "./copy";

const now = new Date("2026-01-05T10:00:00Z");
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

async function fresh() {
  const made = await freshDatabase();
  closing.push(made.close);
  return made;
}

/** A successful deployment of the service that lists the commit, as ingestion records one. */
async function deploy(tx: Queryable, serviceId: number, commitId: number): Promise<void> {
  const [deployment] = await tx
    .insert(deployments)
    .values({ serviceId, status: "success", source: "test", startedAt: now, finishedAt: now, createdAt: now, updatedAt: now })
    .returning({ id: deployments.id });
  await tx.insert(deploymentCommits).values({ deploymentId: deployment!.id, commitId });
}

const rows = (counts: TableCount[], table: string) => counts.find((c) => c.table === table)!.rows;

it("copies one snapshot of the source while another connection commits between its reads", async () => {
  const [source, target] = [await fresh(), await fresh()];
  const ids = await source.db.transaction(async (tx) => {
    const [service] = await tx.insert(services).values({ slug: "api", name: "API", createdAt: now, updatedAt: now }).returning({ id: services.id });
    const [commit] = await tx.insert(commits).values({ serviceId: service!.id, sha: "a1", timestamp: now }).returning({ id: commits.id });
    await deploy(tx, service!.id, commit!.id);
    return { service: service!.id, commit: commit!.id };
  });
  // Another server on the same database, recording a deployment and its commit link once the copy has
  // read the deployments and before it reads the links: outside one snapshot, the link came without it.
  const { db: server } = await connectDatabase(databaseTargetOf(source.url));
  closing.push(() => server.close());
  let written = false;
  const copied = await copyDatabase(source.db, target.db, async (table) => {
    if (table !== "deployment_commits") return;
    await server.transaction((tx) => deploy(tx, ids.service, ids.commit));
    written = true;
  });

  expect(written).toBe(true);
  expect(rows(await countRows(source.db.read), "deployment_commits")).toBe(2);
  expect([rows(copied, "deployments"), rows(copied, "deployment_commits")]).toEqual([1, 1]);
  expect(await countRows(target.db.read)).toEqual(copied);
});
