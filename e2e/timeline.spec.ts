import fs from "node:fs";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { INGEST_TOKEN_FILE } from "./support/users";

test("the timeline shows an event posted through the API without a reload", async ({ browser, request }) => {
  const page = await pageAs(browser, "viewer");
  await page.goto("/timeline");
  await expect(page.getByTestId("timeline-event").first()).toBeVisible();
  const version = `live-${Date.now()}`;
  const response = await request.post("/api/v1/deployments", {
    headers: { authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` },
    data: { service: "checkout-api", status: "success", finishedAt: new Date().toISOString(), version },
  });
  expect(response.status()).toBe(201);
  // Its own event, wherever it lands: the other worker's events of the same moment may arrive above it.
  const event = page.getByTestId("timeline-event").filter({ hasText: `checkout-api ${version} deployed to production` });
  await expect(event).toBeVisible({ timeout: 5_000 });
  await event.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: `checkout-api ${version}` })).toBeVisible();
  await page.context().close();
});

test("type chips and filters live in the URL; older events load on demand", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  await page.goto("/timeline");
  await page.getByRole("navigation", { name: "Event types" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page).toHaveURL(/type=incident/);
  await expect(page.getByTestId("timeline-event").first()).toContainText("Incident");
  const kinds = await page.getByTestId("timeline-event").allTextContents();
  expect(kinds.every((k) => k.includes("Incident"))).toBe(true);
  await page.getByLabel("Team").selectOption("payments");
  await expect(page).toHaveURL(/team=payments/);
  await expect(page).toHaveURL(/type=incident/);
  await page.goto("/timeline?type=deployment");
  const before = await page.getByTestId("timeline-event").count();
  await page.getByRole("button", { name: "Load older events" }).click();
  await expect.poll(() => page.getByTestId("timeline-event").count()).toBeGreaterThan(before);
  await expectAccessible(page);
  await page.context().close();
});

test("times read the server's clock, however wrong the device's, never point to the future, and tick", async ({ browser, request }) => {
  const page = await pageAs(browser, "viewer");
  // The device's clock is an hour behind: a moment-old deployment must still read "just now".
  await page.clock.install({ time: Date.now() - 3_600_000 });
  const version = `clock-${Date.now()}`;
  const response = await request.post("/api/v1/deployments", {
    headers: { authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` },
    data: { service: "checkout-api", status: "success", finishedAt: new Date().toISOString(), version },
  });
  expect(response.status()).toBe(201);
  await page.goto("/timeline?type=deployment");
  const event = page.getByTestId("timeline-event").filter({ hasText: version });
  await expect(event).toContainText("just now");
  await page.clock.fastForward(60_000);
  await expect(event).toContainText("1 minute ago");
  await page.clock.fastForward(60_000);
  await expect(event).toContainText("2 minutes ago");
  await page.context().close();
});
