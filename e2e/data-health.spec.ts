import fs from "node:fs";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { E2E_DB, INGEST_TOKEN_FILE } from "./support/users";

/*
 * The Data health page (issue 16): one of each weakness is made through Tandem's own doors (the API, a
 * webhook, the CLI), then the page must count it, show it, and lead to where it is fixed.
 */
const STAMP = Date.now().toString(36);
const SERVICE = `dh-${STAMP}`;
const DAY = 86_400_000;
const sha = (n: number) => `${STAMP}${n}`.replace(/[^0-9a-f]/g, "a").padEnd(40, "d");

test("an admin sees each weakness counted, with a link that leads to its fix, and the overview points there", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const token = fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim();
  const post = async (path: string, data: unknown) => {
    const response = await request.post(path, { headers: { authorization: `Bearer ${token}` }, data });
    expect(response.status(), path).toBe(201);
    return (await response.json()) as { id: number };
  };
  const now = Date.now();
  // A deployment naming a new service: the service has no team, and the deployment lists no commits.
  const bare = await post("/api/v1/deployments", { service: SERVICE, status: "success", finishedAt: new Date(now - 60_000).toISOString(), externalId: `${SERVICE}-bare` });
  // A commit written 400 days before it shipped: a lead time no team has.
  const old = sha(1);
  await post("/api/v1/deployments", {
    service: SERVICE,
    status: "success",
    finishedAt: new Date(now - 120_000).toISOString(),
    externalId: `${SERVICE}-old`,
    commits: [{ sha: old, timestamp: new Date(now - 400 * DAY).toISOString() }],
  });
  const title = `Data health outage ${STAMP}`;
  const incident = await post("/api/v1/incidents", {
    title,
    service: SERVICE,
    severity: "SEV4",
    status: "resolved",
    startedAt: new Date(now - 30_000).toISOString(),
    resolvedAt: new Date(now - 10_000).toISOString(),
  });
  // A webhook whose payload Tandem cannot use: refused, so whatever it carried is missing.
  const printed: string[] = [];
  const io: CliIo = { out: (l) => printed.push(l), err: () => undefined, env: { DATABASE_URL: `file:${E2E_DB}` }, interactive: false };
  const hookName = `Data health hook ${STAMP}`;
  expect(await runCli(["integration", "add", "--source", "alertmanager", "--name", hookName], io)).toBe(0);
  const [hookPath, secret] = printed.slice(-2);
  const integrationId = hookPath!.split("/").pop();
  const hook = await request.post(hookPath!, { headers: { authorization: `Bearer ${secret}` }, data: { version: "4", alerts: "not a list" } });
  expect(hook.status()).toBe(400);

  const page = await pageAs(browser, "admin");
  await page.goto("/");
  const notice = page.getByTestId("data-health-notice");
  await expect(notice.locator("p")).toHaveText(/^\d+ things? weakens? these figures → Data health$/);
  await expect(notice.getByRole("listitem").filter({ hasText: /^\d+ services? with no team$/ })).toHaveCount(1);
  await notice.getByRole("link", { name: "Data health" }).click();
  await expect(page).toHaveURL(/\/data-health$/);
  await expect(page.getByRole("heading", { level: 1, name: "Data health" })).toBeVisible();

  const section = (name: string | RegExp) => page.getByRole("region", { name });
  for (const id of ["incidents", "deployments", "services", "lead-times", "webhooks"]) await expect(page.getByTestId(`${id}-count`)).toHaveText(/^[1-9]\d* to fix$/);

  // Narrowed to this test's service: exactly what it made, however much the other worker writes meanwhile.
  const filters = page.getByRole("form", { name: "Data health filters" });
  await filters.getByLabel("Service").selectOption(SERVICE);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/data-health\\?team=&service=${SERVICE}$`));
  await expect(page.getByTestId("data-health-scope")).toHaveText(/^Only what weakens the figures of service dh-/);
  await expect(filters.getByLabel("Service")).toHaveValue(SERVICE);
  for (const id of ["incidents", "deployments", "services", "lead-times"]) await expect(page.getByTestId(`${id}-count`)).toHaveText("1 to fix");
  await expect(page.getByTestId("webhooks-count")).toHaveText(/^[1-9]\d* to fix$/);
  await expectAccessible(page);
  const allLeadTimes = section(/^Lead times beyond \d+ days$/).getByRole("link", { name: /^All lead times/ });
  await expect(allLeadTimes).toHaveAttribute("href", new RegExp(`service=${SERVICE}`));

  const incidents = section("Incidents with no cause decided");
  await incidents.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Decide the cause" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.id}#cause$`));
  await expect(page.getByRole("heading", { level: 2, name: "Caused by" })).toBeVisible();
  await page.goBack();

  await section("Deployments with no commits").getByRole("listitem").filter({ hasText: `#${bare.id}` }).getByRole("link", { name: "Open the deployment" }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${bare.id}$`));
  await page.goBack();

  await section("Services with no team").getByRole("listitem").filter({ hasText: SERVICE }).getByRole("link", { name: "Set its team" }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${SERVICE}#edit$`));
  await expect(page.getByRole("heading", { level: 2, name: "Edit service" })).toBeVisible();
  await page.goBack();

  const longLead = section(/^Lead times beyond \d+ days$/).getByRole("listitem").filter({ hasText: old.slice(0, 12) });
  await expect(longLead).toContainText("lead time 400 d");
  await longLead.getByRole("link", { name: "See that day's lead times" }).click();
  await expect(page).toHaveURL(new RegExp(`/drilldown/lead-time\\?.*service=${SERVICE}`));
  await expect(page.getByTestId("row-count")).toHaveText("1");
  await expect(page.getByRole("table")).toContainText(old.slice(0, 12));
  await page.goBack();

  const failed = section(/^Webhooks that failed in the last \d+ hours$/).getByRole("listitem").filter({ hasText: hookName });
  await expect(failed).toContainText("1 failed, the last");
  await failed.getByRole("link", { name: "Open its delivery log" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/integrations/${integrationId}#deliveries$`));
  await expect(page.getByRole("region", { name: "Recent deliveries" }).first()).toContainText("refused");

  // The overview of one service counts what weakens that service's figures, and leads to them.
  await page.goto(`/?service=${SERVICE}`);
  await expect(notice.getByRole("listitem").filter({ hasText: /services? with no team$/ })).toHaveText("1 service with no team");
  await expect(notice.getByRole("link", { name: "Data health" })).toHaveAttribute("href", `/data-health?service=${SERVICE}`);
  await page.goto("/data-health");
  const team = await page.getByRole("form", { name: "Data health filters" }).getByLabel("Team").locator("option").nth(1).getAttribute("value");
  await page.goto(`/data-health?team=${team}&service=${SERVICE}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(`Service “${SERVICE}” is not one of team “${team}”'s, so nothing of either is shown: choose all teams, or all services.`);
  await page.goto("/data-health?team=no-such-team");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("There is no team “no-such-team”, so every service is shown.");
  await page.context().close();
});

test("a viewer is refused the page and not told about it on the overview; engineers and approvers may fix the data", async ({ browser }) => {
  const viewer = await pageAs(browser, "viewer");
  const response = await viewer.goto("/data-health");
  expect(response?.status()).toBe(403);
  await expect(viewer.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await viewer.goto("/");
  await expect(viewer.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(viewer.getByTestId("data-health-notice")).toHaveCount(0);
  await viewer.context().close();
  for (const role of ["engineer", "approver"] as const) {
    const page = await pageAs(browser, role);
    const ok = await page.goto("/data-health");
    expect(ok?.status(), role).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Data health" })).toBeVisible();
    // Service settings and delivery logs are for admins: others are sent to what they can open.
    await expect(page.getByRole("link", { name: "Set its team" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Open its delivery log" })).toHaveCount(0);
    await page.context().close();
  }
});

test("Settings links to the page", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/settings");
  await page.getByRole("link", { name: "Data health: what weakens the figures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data health" })).toBeVisible();
  await page.context().close();
});
