import fs from "node:fs";
import type { Browser } from "@playwright/test";
import { test, expect, expectAccessible, storageStateFor, watchCsp } from "./support/fixtures";
import { ADMIN_TOKEN_FILE } from "./support/users";

/*
 * Issue 18, item 6: the change calendar shows planned changes and freezes with their clashes, in week and
 * month views, in the reader's zone, and a calendar feed link an admin creates carries the same.
 * Its data lies in March 2031 on a service of its own, away from every other spec's windows.
 */

const run = `${Date.now().toString(36)}${process.pid}`;
const service = `cal-${run}`;
const team = `team-${run}`;
const titles = { first: `Swap load balancer ${run}`, second: `Resize database ${run}`, later: `Rotate keys ${run}` };
/** The feed covers the coming months, so its spec's changes are planned from today, on a team of their own. */
const feedService = `calfeed-${run}`;
const feedTeam = `feed-team-${run}`;
const feedTitles = { first: `Move DNS ${run}`, second: `Renew certificates ${run}` };

/** Reader in Berlin (UTC+1 in March): a change at 23:30 UTC on the 11th belongs to the 12th there. */
async function berliner(browser: Browser, role: "viewer" | "admin", viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ storageState: storageStateFor(role), timezoneId: "Europe/Berlin", locale: "en-GB", viewport });
  await watchCsp(context);
  return { context, page: await context.newPage() };
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${fs.readFileSync(ADMIN_TOKEN_FILE, "utf8").trim()}` } });
  expect((await api.put(`/api/v1/services/${service}`, { data: { name: `Calendar ${run}`, team } })).ok()).toBe(true);
  const file = async (title: string, start: string, end: string) => {
    const response = await api.post("/api/v1/changes", { data: { title, service, type: "normal", risk: "low", plannedStart: start, plannedEnd: end } });
    expect(response.status(), await response.text()).toBe(201);
  };
  await file(titles.first, "2031-03-11T23:30:00Z", "2031-03-12T02:00:00Z");
  await file(titles.second, "2031-03-12T01:00:00Z", "2031-03-12T03:00:00Z");
  await file(titles.later, "2031-03-20T10:00:00Z", "2031-03-20T11:00:00Z");
  expect((await api.put(`/api/v1/services/${feedService}`, { data: { name: `Feed ${run}`, team: feedTeam } })).ok()).toBe(true);
  const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  for (const [title, start, end] of [[feedTitles.first, "10:00", "12:00"], [feedTitles.second, "11:00", "13:00"]] as const) {
    const response = await api.post("/api/v1/changes", { data: { title, service: feedService, type: "normal", risk: "low", plannedStart: `${day}T${start}:00Z`, plannedEnd: `${day}T${end}:00Z` } });
    expect(response.status(), await response.text()).toBe(201);
  }
  await api.dispose();
});

test("the calendar shows changes and a freeze with their conflicts, switches week and month, and is keyboard navigable", async ({ browser }) => {
  const { context: adminContext, page: admin } = await berliner(browser, "admin");
  await admin.goto("/changes/freezes");
  const freezeForm = admin.getByRole("form", { name: "Set a freeze window" });
  await freezeForm.getByLabel("Name").fill(`Spring freeze ${run}`);
  await freezeForm.getByLabel("Service").selectOption(service);
  await freezeForm.getByLabel("Starts").fill("2031-03-20T00:00");
  await freezeForm.getByLabel("Ends").fill("2031-03-21T00:00");
  await freezeForm.getByRole("button", { name: "Set freeze" }).click();
  await expect(admin.getByRole("cell", { name: `Spring freeze ${run}`, exact: true })).toBeVisible();
  await adminContext.close();

  const { context, page } = await berliner(browser, "viewer");
  await page.goto("/changes");
  await page.getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change calendar" })).toBeVisible();
  await page.getByLabel("Service").selectOption(service);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`service=${service}`));

  await page.goto(`/changes/calendar?view=week&date=2031-03-12&service=${service}`);
  await expect(page.getByRole("heading", { name: "Week of Monday, 10 March 2031" })).toBeVisible();
  const grid = page.getByRole("list", { name: /day by day$/ });
  // 23:30 UTC on the 11th is 00:30 on the 12th in Berlin: both overlapping changes sit on Wednesday the 12th.
  const wednesday = grid.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Wed 12 Mar" }) });
  await expect(wednesday.getByRole("link", { name: new RegExp(`^0?0:30 Conflict: ${titles.first}`) })).toBeVisible();
  await expect(wednesday.getByRole("link", { name: new RegExp(`^0?2:00 Conflict: ${titles.second}`) })).toBeVisible();
  const conflicts = page.getByRole("region", { name: "Conflicts this week" });
  await expect(conflicts.getByRole("listitem").filter({ hasText: titles.first }).first()).toContainText(`"${titles.second}" on Calendar ${run}`);
  await expectAccessible(page);

  // Keyboard: the period links are reachable and work with Enter.
  const next = page.getByRole("link", { name: "Next week" });
  await next.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Week of Monday, 17 March 2031" })).toBeVisible();
  const thursday = grid.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Thu 20 Mar" }) });
  await expect(thursday.getByRole("link", { name: `Freeze: Spring freeze ${run} · Calendar ${run}` })).toBeVisible();
  await expect(thursday.getByRole("link", { name: new RegExp(`^11:00 Conflict: ${titles.later}`) })).toBeVisible();
  await expect(page.getByRole("region", { name: "Conflicts this week" })).toContainText(`Inside the freeze "Spring freeze ${run}" (Calendar ${run})`);

  await page.getByRole("link", { name: "Month", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "March 2031", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Month", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(grid.getByRole("link", { name: new RegExp(`Conflict: ${titles.first}`) })).toBeVisible();
  await expect(grid.getByRole("link", { name: `Freeze: Spring freeze ${run} · Calendar ${run}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Conflicts this month" }).getByRole("link")).toHaveCount(3);
  await page.getByRole("link", { name: "Previous month" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "February 2031", exact: true })).toBeVisible();
  await expect(page.getByText("No planned change or freeze in this month.")).toBeVisible();
  await context.close();
});

test("on a phone the calendar is an agenda of the days that hold something, without sideways scroll", async ({ browser }) => {
  const { context, page } = await berliner(browser, "viewer", { width: 390, height: 844 });
  await page.goto(`/changes/calendar?view=month&date=2031-03-01&service=${service}`);
  const agenda = page.getByRole("list", { name: /days with changes or freezes$/ });
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["Wednesday, 12 March 2031", "Thursday, 20 March 2031"]);
  await expect(agenda.getByRole("link", { name: new RegExp(`Conflict: ${titles.second}`) })).toContainText(`Overlaps change #`);
  await expect(page.getByRole("list", { name: /day by day$/ })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await context.close();
});

test("an admin creates a team's calendar feed, copies its link, and the feed serves the conflicts until revoked", async ({ browser, playwright }) => {
  const { context, page } = await berliner(browser, "admin");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Create a calendar feed" });
  await form.getByLabel("Feed name").fill(`Feed ${run}`);
  await form.getByLabel("Team").selectOption(feedTeam);
  await form.getByRole("button", { name: "Create calendar feed" }).click();
  const field = page.getByLabel(/^Calendar feed URL \(shown once\)/);
  await expect(field).toHaveValue(/\/api\/calendar\/cal_[\w-]+\.ics$/);
  await page.getByRole("button", { name: "Copy calendar feed URL" }).click();
  await expect(page.getByRole("button", { name: "Copy calendar feed URL: copied" })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toBe(await field.inputValue());

  const calendarApp = await playwright.request.newContext();
  const feed = await calendarApp.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = (await feed.text()).replace(/\r\n[ \t]/g, "");
  expect(text).toContain(`SUMMARY:⚠ ${feedTitles.first} (${feedService})`);
  expect(text).toContain(`Conflicts:\\n- Overlaps change #`);
  expect(text).not.toContain(titles.first);

  const row = page.getByRole("row", { name: new RegExp(`Feed ${run}`) });
  await row.getByRole("button", { name: `Revoke calendar feed Feed ${run}` }).click();
  await page.getByRole("dialog", { name: `Revoke the calendar feed “Feed ${run}”?` }).getByRole("button", { name: "Revoke calendar feed" }).click();
  await expect(row.getByText("revoked")).toBeVisible();
  expect((await calendarApp.get(url)).status()).toBe(404);
  await calendarApp.dispose();
  await context.close();
});
