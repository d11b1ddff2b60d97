import fs from "node:fs";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { ADMIN_TOKEN_FILE, TEST_USERS } from "./support/users";

/*
 * Issue 16 ("feel like the best tools"): the change list filters by status, type, team, service,
 * requester and "waiting for me", pages past 50 with the filters kept in the URL, and its table fits a
 * 1280 px window. Its changes sit on a service of their own.
 */

const run = `${Date.now().toString(36)}${process.pid}`;
const service = `list-${run}`;
const titles = { pending: `Upgrade kernel ${run}`, standard: `Bump dependency ${run}`, mine: `Tune cache ${run}` };
/** A service of its own with more changes than a page holds, so other tests' new changes never shift its pages. */
const pagedService = `paged-${run}`;
const PAGED = 53;

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${fs.readFileSync(ADMIN_TOKEN_FILE, "utf8").trim()}` } });
  expect((await api.put(`/api/v1/services/${service}`, { data: { name: `List ${run}`, team: `team-${run}` } })).ok()).toBe(true);
  const window = { plannedStart: "2031-05-01T10:00:00Z", plannedEnd: "2031-05-01T11:00:00Z" };
  for (const data of [
    { title: titles.pending, type: "normal", risk: "medium", requester: TEST_USERS.engineer.email, ...window },
    { title: titles.standard, type: "standard", risk: "low", template: "Dependency bump", requester: TEST_USERS.engineer.email },
    { title: titles.mine, type: "normal", risk: "low", requester: TEST_USERS.approver.email, ...window },
  ]) {
    const response = await api.post("/api/v1/changes", { data: { service, ...data } });
    expect(response.status(), await response.text()).toBe(201);
  }
  expect((await api.put(`/api/v1/services/${pagedService}`, { data: { name: `Paged ${run}` } })).ok()).toBe(true);
  for (let i = 0; i < PAGED; i++) {
    const data = { service: pagedService, title: `Paged change ${i} ${run}`, type: "normal", risk: "low", plannedStart: "2031-06-01T10:00:00Z", plannedEnd: "2031-06-01T11:00:00Z" };
    const response = await api.post("/api/v1/changes", { data });
    expect(response.status(), await response.text()).toBe(201);
  }
  await api.dispose();
});

test("an approver narrows the change list by service, status, type, requester and what waits for them", async ({ browser }) => {
  const page = await pageAs(browser, "approver");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/changes");
  const filters = page.getByRole("form", { name: "Change filters" });
  await filters.getByLabel("Service").selectOption(service);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]service=${service}`));
  const table = page.getByRole("table", { name: "Change requests" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(page.getByText("3 change requests")).toBeVisible();

  await filters.getByLabel("Status").selectOption("pending_approval");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByRole("link")).toHaveText([titles.mine, titles.pending]);

  await filters.getByLabel("Waiting for me").check();
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/waiting=1/);
  // Nobody decides their own change: the approver's own request does not wait for them.
  await expect(table.getByRole("link")).toHaveText([titles.pending]);

  await page.goto(`/changes?service=${service}&type=standard`);
  await expect(table.getByRole("link")).toHaveText([titles.standard]);
  await expect(filters.getByLabel("Type")).toHaveValue("standard");
  await filters.getByLabel("Type").selectOption("");
  await filters.getByLabel("Requester").selectOption({ label: TEST_USERS.engineer.name });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByRole("link")).toHaveText([titles.standard, titles.pending]);
  await expectAccessible(page);
  await page.context().close();
});

test("the change list pages past 50 keeping its filters, fits 1280 px, and names a filter it cannot apply", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/changes?service=${pagedService}&type=normal&status=bogus`);
  await expect(page.getByRole("alert").filter({ hasText: "Ignored" })).toHaveText("Ignored an unknown status “bogus”.");
  await expect(page.getByText(`${PAGED} change requests, page 1 of 2`)).toBeVisible();
  const table = page.getByRole("table", { name: "Change requests" });
  await expect(table.getByRole("row")).toHaveCount(51);
  const scroller = page.getByRole("region", { name: "Change requests" });
  const fits = await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits, "the change table scrolls sideways at 1280 px").toBe(true);
  const hrefs = () => table.getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const firstPage = await hrefs();

  await page.getByRole("navigation", { name: "Change request pages" }).getByRole("link", { name: "Older rows" }).click();
  await expect(page).toHaveURL(`/changes?type=normal&service=${pagedService}&page=2`);
  await expect(page.getByText(`${PAGED} change requests, page 2 of 2`)).toBeVisible();
  await expect(table.getByRole("link")).toHaveCount(PAGED - 50);
  const secondPage = await hrefs();
  expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
  await expect(table.getByText(/^normal · /)).toHaveCount(secondPage.length);
  await page.getByRole("link", { name: "Newer rows" }).click();
  await expect(page).toHaveURL(`/changes?type=normal&service=${pagedService}`);
  await page.context().close();
});
