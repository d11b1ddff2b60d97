import { ingestApi, postCreated } from "./support/api";
import { test, expect, expectAccessible, pageAs, storageStateFor, watchCsp } from "./support/fixtures";
import { TEST_USERS } from "./support/users";

/* Issue 16, "A newcomer's first hour": items 6, 9, 10 and 11 as a person meets them. */

test("an incident's page offers only its production deployments as causes, as links, and its Updates and the timeline show every step (items 6, 11)", async ({ browser, playwright, baseURL }) => {
  const service = `newcomer-${Date.now()}`;
  const api = await ingestApi(playwright, baseURL!);
  const startedAt = new Date(Date.now() - 10 * 60_000);
  const minutesBefore = (m: number) => new Date(startedAt.getTime() - m * 60_000).toISOString();
  const production = await postCreated(api, "/api/v1/deployments", { service, status: "success", version: "1.0.0", startedAt: minutesBefore(40), finishedAt: minutesBefore(30) });
  const staging = await postCreated(api, "/api/v1/deployments", { service, environment: "staging", status: "success", version: "1.0.1-rc", startedAt: minutesBefore(25), finishedAt: minutesBefore(20) });
  const incident = await postCreated(api, "/api/v1/incidents", { title: `Errors on ${service}`, service, severity: "SEV3", startedAt: startedAt.toISOString() });
  await api.dispose();

  const page = await pageAs(browser, "engineer");
  await page.goto(`/incidents/${incident.id}`);
  const candidates = page.getByRole("table", { name: "Candidate deployments" });
  await expect(candidates.getByRole("row")).toHaveCount(2);
  await expect(candidates.getByRole("link", { name: `#${production.id}` })).toHaveAttribute("href", `/deployments/${production.id}`);
  await expect(candidates.getByText(`#${staging.id}`)).toHaveCount(0);

  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await page.getByLabel("Lead", { exact: true }).selectOption({ label: TEST_USERS.engineer.name });
  await page.getByRole("button", { name: "Set lead" }).click();
  await expect(page.getByRole("form", { name: "Incident lead" }).getByRole("status")).toHaveText("Lead assigned.");
  await candidates.getByRole("button", { name: /This caused it/ }).click();
  await expect(page.getByRole("link", { name: `deployment #${production.id}` }).first()).toBeVisible();

  const updates = page.getByRole("region", { name: "Updates" });
  await expect(updates.getByText("declared (investigating)")).toBeVisible();
  await expect(updates.getByRole("listitem").filter({ hasText: "acknowledged" })).toHaveCount(1);
  await expect(updates.getByText(`lead → ${TEST_USERS.engineer.name}`)).toBeVisible();
  await expect(updates.getByRole("link", { name: `deployment #${production.id}` })).toHaveAttribute("href", `/deployments/${production.id}`);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page);
  }

  await page.goto(`/timeline?service=${service}&type=incident`);
  const events = page.getByTestId("timeline-event");
  await expect(events.filter({ hasText: `caused by deployment #${production.id}` })).toHaveCount(1);
  await expect(events.filter({ hasText: "acknowledged" })).toHaveCount(1);
  await expect(events.filter({ hasText: `led by ${TEST_USERS.engineer.name}` })).toHaveCount(1);
  await page.context().close();
});

test("times read in the reader's locale and zone, naming the zone on an incident (item 9)", async ({ browser, playwright, baseURL }) => {
  const service = `newcomer-tz-${Date.now()}`;
  const api = await ingestApi(playwright, baseURL!);
  const incident = await postCreated(api, "/api/v1/incidents", { title: "Clock check", service, severity: "SEV4", startedAt: "2026-01-15T17:00:00Z", acknowledgedAt: "2026-01-15T17:05:00Z" });
  await api.dispose();
  for (const [locale, timezoneId, started] of [
    ["en-US", "America/New_York", "Jan 15, 2026, 12:00 PM EST"],
    ["en-GB", "Europe/Berlin", "15 Jan 2026, 18:00 CET"],
  ] as const) {
    const context = await browser.newContext({ storageState: storageStateFor("viewer"), locale, timezoneId });
    await watchCsp(context);
    const page = await context.newPage();
    await page.goto(`/incidents/${incident.id}`);
    await expect(page.getByText("Started", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText(started);
    await context.close();
  }
});

test("weekly charts mark the weeks a period clips as partial (item 10)", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("viewer"), locale: "en-US", timezoneId: "UTC" });
  await watchCsp(context);
  const page = await context.newPage();
  // Thursday 5 Nov to Saturday 5 Dec (whole days): the week of 2 Nov holds 4 days, that of 30 Nov 6.
  await page.goto("/?from=2026-11-05&to=2026-12-05");
  const chart = page.getByRole("figure").filter({ hasText: "Deployments per week" });
  await chart.getByText("Show the figures").click();
  const weeks = chart.getByRole("rowheader");
  await expect(weeks.first()).toHaveText("Nov 2, partial week: 4 of 7 days");
  await expect(weeks.nth(1)).toHaveText("Nov 9");
  await expect(weeks.last()).toHaveText("Nov 30, partial week: 6 of 7 days");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page);
  }
  await context.close();
});
