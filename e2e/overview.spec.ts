import fs from "node:fs";
import { test, expect, pageAs } from "./support/fixtures";
import { READ_TOKEN_FILE } from "./support/users";

/** A fixed range of whole days, so the page and the API measure the very same window. */
function fixedRange() {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: day(-28), to: day(-1) };
}

async function apiMetrics(request: import("@playwright/test").APIRequestContext, params: Record<string, string>) {
  const response = await request.get(`/api/v1/metrics?${new URLSearchParams(params)}`, {
    headers: { authorization: `Bearer ${fs.readFileSync(READ_TOKEN_FILE, "utf8").trim()}` },
  });
  expect(response.status()).toBe(200);
  return response.json();
}

test.describe("overview dashboard", () => {
  test("shows exactly the numbers the API computes for the same window", async ({ browser, request }) => {
    const { from, to } = fixedRange();
    const apiTo = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
    const m = await apiMetrics(request, { from: `${from}T00:00:00Z`, to: apiTo });
    expect(m.deploymentFrequency.deployments).toBeGreaterThan(50);
    const page = await pageAs(browser, "viewer");
    await page.goto(`/?period=custom&from=${from}&to=${to}`);
    await expect(page.getByTestId("tile-deployment-frequency")).toContainText(
      `${m.deploymentFrequency.deployments} deployments on ${m.deploymentFrequency.deployDays} days`,
    );
    await expect(page.getByTestId("tile-deployment-frequency")).toContainText(m.deploymentFrequency.level, { ignoreCase: true });
    await expect(page.getByTestId("tile-change-failure-rate")).toContainText(`${m.changeFailureRate.failed} of ${m.changeFailureRate.deployments} deployments`);
    await expect(page.getByTestId("value-change-failure-rate")).toHaveText(`${Math.round(m.changeFailureRate.rate * 100)} %`);
    await expect(page.getByTestId("tile-lead-time")).toContainText(`median of ${m.leadTime.changes} changes`);
    await expect(page.getByTestId("tile-recovery-time")).toContainText(`${m.recoveryTime.recovered} recovered, ${m.recoveryTime.unrecovered} not yet`);
    await expect(page.getByTestId("tile-time-to-restore")).toContainText(`median of ${m.timeToRestore.incidents} incidents`);
    await page.context().close();
  });

  test("a filter change updates the URL and the numbers", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/");
    const detail = page.getByTestId("tile-deployment-frequency").locator("p.text-xs").first();
    const before = await detail.textContent();
    await page.getByLabel("Team").selectOption("payments");
    await expect(page).toHaveURL(/team=payments/);
    await expect(detail).not.toHaveText(before!);
    await page.getByLabel("Period").selectOption("7");
    await expect(page).toHaveURL(/period=7/);
    await expect(page).toHaveURL(/team=payments/);
    await page.reload();
    await expect(page.getByLabel("Team")).toHaveValue("payments");
    await page.context().close();
  });

  for (const path of ["/", "/services/checkout-api"]) {
    test(`choosing a custom range on ${path} keeps the figures until both dates are applied`, async ({ browser }) => {
      const page = await pageAs(browser, "viewer");
      const loads: string[] = [];
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.searchParams.get("period") === "custom") loads.push(url.search);
      });
      await page.goto(path);
      const figure = page.getByTestId("value-deployment-frequency");
      const before = await figure.textContent();
      await page.getByLabel("Period").selectOption("custom");
      const { from, to } = fixedRange();
      await page.getByLabel("From").fill(from);
      await page.getByRole("button", { name: "Apply" }).click();
      expect(await page.getByLabel("To (inclusive)").evaluate((e: HTMLInputElement) => e.validity.valueMissing)).toBe(true);
      await expect(figure).toHaveText(before!);
      await page.getByLabel("To (inclusive)").fill(to);
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(new RegExp(`period=custom&from=${from}&to=${to}`));
      await expect(figure).toBeVisible();
      await expect(page.getByText("Choose both a start and an end date")).toHaveCount(0);
      expect(loads.length).toBeGreaterThan(0);
      expect(loads.filter((search) => !search.includes(`from=${from}`) || !search.includes(`to=${to}`))).toEqual([]);
      await page.context().close();
    });
  }

  test("a bad custom range is explained, not an error page", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/?period=custom&from=2026-03-07&to=2026-03-01");
    await expect(page.getByRole("alert").filter({ hasText: "range" })).toHaveText("The range is not valid: the start must be before the end.");
    await page.context().close();
  });

  test("the level badge shows its thresholds on keyboard focus", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/");
    const tile = page.getByTestId("tile-change-failure-rate");
    await tile.locator("[aria-describedby]").focus();
    await expect(tile.getByRole("tooltip")).toBeVisible();
    await expect(tile.getByRole("tooltip")).toContainText("Elite: 5 % or less");
    await page.context().close();
  });

  test("the drill-down lists exactly the deployments counted, and its CSV parses", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    // A range that ended yesterday: deployments other tests record meanwhile cannot change its count.
    const { from, to } = fixedRange();
    await page.goto(`/?period=custom&from=${from}&to=${to}`);
    const counted = (await page.getByTestId("tile-deployment-frequency").locator("p.text-xs").first().textContent())!.match(/^(\d+) deployments/)![1];
    await page.getByRole("link", { name: "Deployment frequency" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Deployments counted" })).toBeVisible();
    await expect(page.getByTestId("row-count")).toHaveText(counted!);
    // The count comes from the figures; the table shows one page of 50 (DRILLDOWN_PAGE_SIZE), newest first.
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(Math.min(Number(counted), 50));
    const pager = page.getByRole("navigation", { name: "Pages of deployments counted" });
    if (Number(counted) > 50) {
      const firstPage = await rows.locator("td:first-child").allTextContents();
      await pager.getByRole("link", { name: "Older rows" }).click();
      await expect(page).toHaveURL(/[?&]after=\d+\.\d+/);
      await expect(rows).toHaveCount(Math.min(Number(counted) - 50, 50));
      const secondPage = await rows.locator("td:first-child").allTextContents();
      expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
      await expect(page.getByTestId("row-count")).toHaveText(counted!);
      await pager.getByRole("link", { name: "Newer rows" }).click();
      await expect(page).toHaveURL(/[?&]before=\d+\.\d+/);
      await expect(rows.locator("td:first-child")).toHaveText(firstPage);
    } else {
      await expect(pager).toHaveCount(0);
    }

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\r\n");
    expect(csv[0]).toBe("id,service,version,finishedAt,failed,unplanned,rollbackOfId");
    expect(csv).toHaveLength(Number(counted) + 1);
    // Any service's slug (lib/validation.ts): a suite running across midnight finds yesterday's rows of
    // services other specs named with a number (lead-1796602328973).
    expect(csv[1]).toMatch(/^\d+,[a-z0-9][a-z0-9-]*,[^,]+,\d{4}-\d\d-\d\dT[\d:.]+Z,(true|false),(true|false),\d*$/);
    await page.context().close();
  });

  test("a drill-down link with a bad page cursor says what is wrong instead of failing", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    const response = await page.goto("/drilldown/lead-time?after=not-a-cursor");
    expect(response!.status()).toBeLessThan(500);
    await expect(page.getByRole("alert").filter({ hasText: "This link is not valid" })).toContainText("This link is not valid: after must be a page cursor");
    await page.context().close();
  });

  test("the failures drill-down says which rule recovered each failed change", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/?period=90");
    await page.getByRole("link", { name: "Change failure rate" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Failed changes and their recovery" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "rollback", exact: true }).first()).toBeVisible();
    await page.context().close();
  });
});

test.describe("service pages", () => {
  test("the services list shows each service's four keys and links to its dashboard", async ({ browser }) => {
    const page = await pageAs(browser, "viewer");
    await page.goto("/services");
    const row = page.getByRole("row", { name: /Search/ });
    await expect(row).toContainText("/ ");
    await row.getByRole("link", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByTestId("tile-deployment-frequency")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Open incidents" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Edit service" })).toHaveCount(0);
    await page.context().close();
  });

  test("an admin edits a service with the API's rules", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await page.goto("/services/notifications");
    const form = page.getByRole("form", { name: "Edit service" });
    await form.getByLabel("Repository URL").fill("not a url");
    await form.getByRole("button", { name: "Save service" }).click();
    await expect(form.getByLabel("Repository URL")).toHaveAccessibleDescription("Repository URL must be an http(s) URL");
    await form.getByLabel("Repository URL").fill("https://git.example.com/acme/notify");
    await form.getByLabel("Description").fill("Email, SMS and push; owned by growth.");
    await form.getByRole("button", { name: "Save service" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved Notifications.");
    await page.reload();
    await expect(page.getByText("Email, SMS and push; owned by growth.").first()).toBeVisible();
    await page.context().close();
  });
});

test("the deployments page shows a calendar heatmap and weekly deployments stacked by service", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  await page.goto("/deployments?period=90");
  const heatmap = page.getByRole("table", { name: /Deployments per day/ });
  // A day reads in the reader's locale: "Mon, Nov 2" here (en-US), "Mon 2 Nov" in en-GB.
  await expect(heatmap.getByRole("cell", { name: /^[A-Z][a-z]{2},? (?:\d+ [A-Z][a-z]{2,4}|[A-Z][a-z]{2,4} \d+): \d+ deployments?/ }).first()).toBeAttached();
  expect(await heatmap.getByRole("cell", { name: /, \d+ failed$/ }).count()).toBeGreaterThan(0);
  const chart = page.getByRole("figure", { name: "Deployments per week by service, with failed changes" });
  await chart.getByText("Show the figures").click();
  await expect(chart.getByRole("columnheader", { name: "checkout-api" })).toBeVisible();
  await expect(chart.getByRole("columnheader", { name: "failed changes" })).toBeVisible();
  await page.context().close();
});
