import type { Page } from "@playwright/test";
import { ingestApi, postCreated } from "./support/api";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { TEST_USERS } from "./support/users";

/* Issue 16, "Incident page": what a responder needs first when they open an incident. */

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** Presses Tab until `name`'s button has focus; how many presses that took. */
async function tabsTo(page: Page, name: string, max = 30): Promise<number> {
  const target = page.getByRole("button", { name, exact: true });
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${name}`);
}

test("whoever declares an incident leads it unless they pick someone else", async ({ browser, playwright, baseURL }) => {
  // A service of no team: nobody is on call, so only the declarer can be the lead the form starts with.
  const service = `lead-${Date.now()}`;
  const api = await ingestApi(playwright, baseURL!);
  await postCreated(api, "/api/v1/deployments", { service, status: "success", version: "1.0.0", startedAt: minutesAgo(30), finishedAt: minutesAgo(29) });
  await api.dispose();

  const page = await pageAs(browser, "engineer");
  await page.goto("/incidents/new");
  const form = page.getByRole("form", { name: "Declare incident" });
  await expect(form.getByLabel("Lead").locator("option:checked")).toHaveText("Me");
  await expect(form.getByLabel("Lead")).toHaveAccessibleDescription("Whoever declares leads until they hand over.");
  const title = `Declarer leads ${Date.now()}`;
  await form.getByLabel("What is wrong?").fill(title);
  await form.getByLabel("Service").selectOption(service);
  await expect(form.getByLabel("Lead")).toHaveAccessibleDescription("Whoever declares leads until they hand over. Nobody is on call for this service's team.");
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const lead = page.getByRole("main").getByText("Lead", { exact: true }).locator("xpath=following-sibling::dd[1]");
  await expect(lead).toHaveText(TEST_USERS.engineer.name);
  await expect(page.getByRole("region", { name: "Updates" }).getByText(`lead → ${TEST_USERS.engineer.name}`)).toBeVisible();

  // Choosing "Nobody yet" still declares without a lead.
  await page.goto("/incidents/new");
  await form.getByLabel("What is wrong?").fill(`${title} (no lead)`);
  await form.getByLabel("Service").selectOption(service);
  await form.getByLabel("Lead").selectOption({ label: "Nobody yet" });
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title} (no lead)` })).toBeVisible();
  await expect(lead).toHaveText("nobody yet");
  await page.context().close();
});

test("an open incident's page shows how long it has been open, ticking on the server's clock; a resolved one how long it took", async ({ browser, playwright, baseURL }) => {
  const service = `duration-${Date.now()}`;
  const api = await ingestApi(playwright, baseURL!);
  const open = await postCreated(api, "/api/v1/incidents", { title: "Still burning", service, severity: "SEV3", startedAt: minutesAgo(72) });
  const resolved = await postCreated(api, "/api/v1/incidents", { title: "Put out", service, severity: "SEV3", status: "resolved", startedAt: "2026-01-15T17:00:00Z", resolvedAt: "2026-01-15T19:05:00Z" });
  await api.dispose();

  const page = await pageAs(browser, "viewer");
  // The browser's own clock is an hour off: the page still counts from the server's.
  await page.clock.install({ time: Date.now() - 3_600_000 });
  await page.goto(`/incidents/${open.id}`);
  const duration = page.getByTestId("incident-duration");
  await expect(duration).toHaveText("Open for 1 h 12 min");
  // Moved before hydration, the clock's jump would be taken as the page's own offset from the server.
  await expect(duration).toHaveAttribute("data-ticking", "true");
  await page.clock.fastForward("05:00");
  await expect(duration).toHaveText("Open for 1 h 17 min");

  await page.goto(`/incidents/${resolved.id}`);
  await expect(duration).toHaveText("Resolved in 2 h 5 min");
  await page.context().close();
});

test("a new incident's primary button is Acknowledge, then the next step of the flow, not Resolve", async ({ browser, playwright, baseURL }) => {
  const api = await ingestApi(playwright, baseURL!);
  const incident = await postCreated(api, "/api/v1/incidents", { title: `Next step ${Date.now()}`, service: "checkout-api", severity: "SEV3", startedAt: minutesAgo(5) });
  await api.dispose();

  const page = await pageAs(browser, "engineer");
  await page.goto(`/incidents/${incident.id}`);
  const steps = page.getByRole("group", { name: "Next steps" });
  await expect(steps.getByRole("button")).toHaveText(["Acknowledge", "Cause identified", "Fix deployed: monitoring", "Resolve"]);
  const background = (name: string) => steps.getByRole("button", { name, exact: true }).evaluate((el) => getComputedStyle(el).backgroundColor);
  const primary = await background("Acknowledge");
  expect(await background("Resolve")).not.toBe(primary);

  await steps.getByRole("button", { name: "Acknowledge" }).click();
  await expect(steps.getByRole("button")).toHaveText(["Cause identified", "Fix deployed: monitoring", "Resolve"]);
  expect(await background("Cause identified")).toBe(primary);
  expect(await background("Resolve")).not.toBe(primary);

  await steps.getByRole("button", { name: "Cause identified" }).click();
  await expect(steps.getByRole("button")).toHaveText(["Fix deployed: monitoring", "Back to investigating", "Resolve"]);
  expect(await background("Fix deployed: monitoring")).toBe(primary);

  await steps.getByRole("button", { name: "Fix deployed: monitoring" }).click();
  await expect(steps.getByRole("button")).toHaveText(["Resolve", "Back to investigating", "Cause identified"]);
  expect(await background("Resolve")).toBe(primary);
  await expectAccessible(page);
  await page.context().close();
});

test("the respond actions are a Tab or two from the skip link, ahead of the on-call line and a summary full of links", async ({ browser, playwright, baseURL }) => {
  const api = await ingestApi(playwright, baseURL!);
  const summary = "Checkout fails. See the [runbook](https://runbooks.example.com/checkout), the [dashboard](https://grafana.example.com/d/checkout), the [logs](https://logs.example.com/checkout) and the [status page](https://status.example.com).";
  const incident = await postCreated(api, "/api/v1/incidents", { title: `Tab stops ${Date.now()}`, service: "checkout-api", severity: "SEV3", startedAt: minutesAgo(3), summary });
  await api.dispose();

  const page = await pageAs(browser, "engineer");
  await page.goto(`/incidents/${incident.id}`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await tabsTo(page, "Acknowledge")).toBeLessThanOrEqual(5);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  await page.reload();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  expect(await tabsTo(page, "Cause identified")).toBeLessThanOrEqual(5);
  await page.context().close();
});

test("a refused time correction keeps what was typed beside its error, not the stored times", async ({ browser, playwright, baseURL }) => {
  const api = await ingestApi(playwright, baseURL!);
  const { id } = await postCreated(api, "/api/v1/incidents", { title: `Times ${Date.now()}`, service: `times-${Date.now()}`, severity: "SEV3", startedAt: minutesAgo(60) });
  await api.dispose();

  const page = await pageAs(browser, "engineer");
  await page.goto(`/incidents/${id}`);
  await page.getByText("Correct the times", { exact: true }).click();
  const form = page.getByRole("form", { name: "Correct times" });
  const started = await form.getByLabel("Started").inputValue();
  expect(started).not.toBe("");
  // Acknowledged years before it started: refused.
  await form.getByLabel("Acknowledged").fill("2020-01-01T10:00");
  await form.getByRole("button", { name: "Save corrected times" }).click();
  await expect(form.getByLabel("Acknowledged")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Acknowledged")).toHaveValue("2020-01-01T10:00");
  await expect(form.getByLabel("Started")).toHaveValue(started);
  await page.close();
});

test("an incident moved to another service says so in its updates and on the timeline", async ({ browser, playwright, baseURL }) => {
  const run = `${Date.now().toString(36)}-${process.pid}`;
  const api = await ingestApi(playwright, baseURL!);
  const { id } = await postCreated(api, "/api/v1/incidents", { title: `Misfiled ${run}`, service: `misfiled-${run}`, severity: "SEV4", startedAt: minutesAgo(10) });
  const moved = await api.patch(`/api/v1/incidents/${id}`, { data: { service: `rightful-${run}` } });
  expect(moved.status()).toBe(200);
  await api.dispose();

  const page = await pageAs(browser, "viewer");
  await page.goto(`/incidents/${id}`);
  await expect(page.getByRole("region", { name: "Updates" }).getByText(`service misfiled-${run} → rightful-${run}`)).toBeVisible();
  await page.goto(`/timeline?service=rightful-${run}`);
  await expect(page.getByRole("main").getByText("moved to another service", { exact: true })).toBeVisible();
  await page.context().close();
});
