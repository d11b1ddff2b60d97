import type { Page } from "@playwright/test";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { ingestApi } from "./support/api";
import { test, expect, pageAs } from "./support/fixtures";
import { E2E_DB } from "./support/users";

/*
 * Hostile text in every field people and machines can fill, then every page that shows it: nothing
 * may run (each payload would set window.__xss or open a dialog), and plain-text fields show it as typed.
 * Each worker writes the payloads once under its own slug; the pages are visited by several tests, so
 * the two workers share them.
 */
const PAYLOADS = [
  `<script>window.__xss = 1</script>`,
  `<img src=x onerror="window.__xss = 2">`,
  `<svg onload="window.__xss = 3"><script>window.__xss = 3</script></svg>`,
  `"><iframe src="javascript:parent.__xss = 4"></iframe>`,
  `javascript:window.__xss = 5`,
  `[click me](javascript:window.__xss=6) ![x](javascript:window.__xss=6)`,
  `&lt;script&gt;window.__xss = 7&lt;/script&gt; &#60;img src=x onerror=window.__xss=7&#62;`,
  `<a href="jav&#x09;ascript:window.__xss = 8">tab-split link</a>`,
  `\u202e<details open ontoggle="window.__xss = 9">reversed`,
  `'-alert(10)-' ";alert(10);// </title></textarea><script>alert(10)</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 11">`,
  `{{constructor.constructor('window.__xss = 12')()}} \${alert(12)}`,
];
/** This worker's: two workers may load this file in the same millisecond. */
const SLUG = `xss-${Date.now().toString(36)}-${process.pid}`;
const serviceOf = (i: number) => `${SLUG}-${i}`;

type Seen = { dialogs: string[] };

/** A page that records any dialog instead of letting it block. */
async function watchedPage(page: Page): Promise<Seen> {
  const seen: Seen = { dialogs: [] };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  // Event-handler payloads fire as the page loads; a moment more lets a deferred one (ontoggle) fire too.
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `script ran on ${path}`).toBeUndefined();
}

const ids = { deployments: [] as number[], incidents: [] as number[], changes: [] as number[] };

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await ingestApi(playwright, baseURL!);
  const startedAt = new Date(Date.now() - 3_600_000).toISOString();
  for (const [i, p] of PAYLOADS.entries()) {
    const service = await api.put(`/api/v1/services/${serviceOf(i)}`, { data: { name: p.slice(0, 100), description: p } });
    expect(service.status(), `service ${i}`).toBeLessThan(300);
    const deployment = await api.post("/api/v1/deployments", {
      data: {
        service: serviceOf(i),
        environment: `<b onmouseover=x>${i}`,
        status: "success",
        startedAt,
        finishedAt: new Date().toISOString(),
        version: p,
        deployedBy: p,
        commits: [{ sha: (0xabc000 + i).toString(16).padStart(40, "0"), timestamp: startedAt, message: p, author: p }],
      },
    });
    expect(deployment.status(), `deployment ${i}`).toBe(201);
    ids.deployments.push((await deployment.json()).id);
    const incident = await api.post("/api/v1/incidents", { data: { title: p, service: serviceOf(i), severity: "SEV4", startedAt, summary: p } });
    expect(incident.status(), `incident ${i}`).toBe(201);
    ids.incidents.push((await incident.json()).id);
    const day = new Date(Date.now() + (70 + i) * 86_400_000).toISOString().slice(0, 10);
    const change = await api.post("/api/v1/changes", {
      data: { title: p, service: serviceOf(i), type: "normal", risk: "low", description: p, rollbackPlan: p, plannedStart: `${day}T09:00:00Z`, plannedEnd: `${day}T10:00:00Z` },
    });
    expect(change.status(), `change ${i}`).toBe(201);
    ids.changes.push((await change.json()).id);
  }

  // Machines too: an Alertmanager webhook whose alert summaries are the payloads.
  const printed: string[] = [];
  const io: CliIo = { out: (l) => printed.push(l), err: () => undefined, env: { DATABASE_URL: `file:${E2E_DB}` }, interactive: false };
  expect(await runCli(["integration", "add", "--source", "alertmanager", "--name", `XSS ${SLUG}`], io)).toBe(0);
  const [hookPath, secret] = printed.slice(-2);
  const alerts = PAYLOADS.map((p, i) => ({
    status: "firing",
    labels: { alertname: "xss", service: serviceOf(i), severity: "info" },
    annotations: { summary: `hook ${p}`.slice(0, 200), description: p },
    startsAt: startedAt,
    endsAt: "0001-01-01T00:00:00Z",
    fingerprint: `${SLUG}-${i}`,
  }));
  const hook = await api.post(hookPath!, { headers: { authorization: `Bearer ${secret}` }, data: { version: "4", status: "firing", groupKey: SLUG, receiver: "tandem", alerts } });
  expect(hook.status()).toBeLessThan(300);
  await api.dispose();
});

// URLs are the one place a javascript: payload could become live: the API refuses them, naming the field.
test("the API refuses a javascript: URL, naming the field", async ({ playwright, baseURL }) => {
  const api = await ingestApi(playwright, baseURL!);
  const badUrl = await api.post("/api/v1/deployments", { data: { service: serviceOf(0), status: "queued", url: "javascript:window.__xss=1" } });
  expect(badUrl.status()).toBe(400);
  expect((await badUrl.json()).error.fields).toHaveProperty("url");
  const badRepo = await api.put(`/api/v1/services/${serviceOf(0)}`, { data: { repository: "javascript:window.__xss=1" } });
  expect(badRepo.status()).toBe(400);
  expect((await badRepo.json()).error.fields).toHaveProperty("repository");
  await api.dispose();
});

test("XSS payloads posted as an incident update and written as a postmortem never run", async ({ browser }) => {
  const engineer = await pageAs(browser, "engineer");
  const seenByEngineer = await watchedPage(engineer);
  await visit(engineer, `/incidents/${ids.incidents[0]}`);
  await engineer.getByLabel("Post an update").fill(PAYLOADS.join("\n"));
  await engineer.getByRole("button", { name: "Post update" }).click();
  await expect(engineer.getByRole("region", { name: "Updates" })).toContainText(PAYLOADS[1]!);
  await engineer.getByText("Write the postmortem (Markdown)").click();
  await engineer.getByLabel("Postmortem", { exact: true }).fill(PAYLOADS.join("\n\n"));
  await engineer.getByRole("button", { name: "Save postmortem" }).click();
  await expect(engineer.getByTestId("postmortem")).toContainText("click me");
  await expect(engineer.getByTestId("postmortem").locator("a[href^='javascript'], img, script, svg, iframe, details")).toHaveCount(0);
  // Loaded afresh, as the next reader gets them from the server: the incident, the timelines and the overview.
  await visit(engineer, `/incidents/${ids.incidents[0]}`);
  await expect(engineer.getByRole("region", { name: "Updates" })).toContainText(PAYLOADS[1]!);
  await expect(engineer.getByTestId("postmortem")).toContainText("click me");
  for (const path of [`/timeline?service=${serviceOf(0)}`, "/timeline", "/"]) await visit(engineer, path);
  await engineer.context().close();
  expect(seenByEngineer.dialogs).toEqual([]);
  // And the audit log, which records both as an admin reads it.
  const admin = await pageAs(browser, "admin");
  const seenByAdmin = await watchedPage(admin);
  await visit(admin, "/settings/audit");
  await admin.context().close();
  expect(seenByAdmin.dialogs).toEqual([]);
});

test("XSS payloads never run on the lists, the wall and the settings that show them", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const seen = await watchedPage(admin);
  for (const path of ["/", "/timeline", "/deployments", "/incidents", "/changes", "/changes/queue", "/services", "/wall", "/settings/audit", "/settings"]) await visit(admin, path);
  await admin.context().close();
  expect(seen.dialogs).toEqual([]);
});

const PER_TEST = 3;
for (let first = 0; first < PAYLOADS.length; first += PER_TEST) {
  const indexes = PAYLOADS.map((_, i) => i).slice(first, first + PER_TEST);
  test(`XSS payloads ${indexes.map((i) => i + 1).join(", ")} never run on the pages of their records, and plain text shows them literally`, async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    const seen = await watchedPage(admin);
    for (const i of indexes) {
      const literal = PAYLOADS[i]!.trim();
      await visit(admin, `/incidents/${ids.incidents[i]}`);
      await expect(admin.getByRole("heading", { level: 1 })).toHaveText(literal);
      await visit(admin, `/changes/${ids.changes[i]}`);
      await expect(admin.getByRole("heading", { level: 1 })).toHaveText(literal);
      await visit(admin, `/deployments/${ids.deployments[i]}`);
      await expect(admin.getByRole("main")).toContainText(literal);
      await visit(admin, `/services/${serviceOf(i)}`);
      await expect(admin.getByRole("heading", { level: 1 })).toHaveText(literal.slice(0, 100).trim());
      await visit(admin, `/incidents?service=${serviceOf(i)}`);
      await expect(admin.getByRole("main").getByRole("link", { name: `hook ${literal}`.slice(0, 200) })).toBeVisible();
      await visit(admin, `/timeline?service=${serviceOf(i)}`);
    }
    await admin.context().close();
    expect(seen.dialogs).toEqual([]);
  });
}
