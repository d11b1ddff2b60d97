import fs from "node:fs";
import type { Browser } from "@playwright/test";
import { test, expect, expectAccessible, storageStateFor, watchCsp } from "./support/fixtures";
import { ADMIN_TOKEN_FILE, TEST_USERS } from "./support/users";

/*
 * Issue 19: change requests, approvals, freezes and the change calendar in 简体中文. The calendar's
 * changes lie in May 2032 on a service of their own, away from every other spec's windows.
 */

const run = `${Date.now().toString(36)}${process.pid}`;
const service = `zh-${run}`;
const titles = { first: `Swap load balancer ${run}`, second: `Resize database ${run}`, approve: `Rotate keys ${run}` };
let approveId = 0;

async function chinese(browser: Browser, role: "approver" | "viewer", width = 1280) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", storageState: storageStateFor(role), viewport: { width, height: 900 } });
  await watchCsp(context);
  return { context, page: await context.newPage() };
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${fs.readFileSync(ADMIN_TOKEN_FILE, "utf8").trim()}` } });
  expect((await api.put(`/api/v1/services/${service}`, { data: { name: `Ledger ${run}`, team: `team-${run}` } })).ok()).toBe(true);
  const file = async (data: Record<string, string>) => {
    const response = await api.post("/api/v1/changes", { data: { service, type: "normal", risk: "low", requester: TEST_USERS.engineer.email, ...data } });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: number }).id;
  };
  // 10:00–12:00 and 11:00–13:00 in Shanghai on Wednesday 12 May 2032: a clash.
  await file({ title: titles.first, plannedStart: "2032-05-12T02:00:00Z", plannedEnd: "2032-05-12T04:00:00Z" });
  await file({ title: titles.second, plannedStart: "2032-05-12T03:00:00Z", plannedEnd: "2032-05-12T05:00:00Z" });
  approveId = await file({ title: titles.approve, plannedStart: "2032-06-01T02:00:00Z", plannedEnd: "2032-06-01T03:00:00Z" });
  await api.dispose();
});

test("the calendar names months and weekdays in Chinese and marks clashes in Chinese, in the grid and on a phone", async ({ browser }) => {
  const { context, page } = await chinese(browser, "viewer");
  await page.goto("/changes/calendar?view=month&date=2026-12-07");
  await expect(page.getByRole("heading", { level: 2, name: "2026年12月", exact: true })).toBeVisible();

  await page.goto(`/changes/calendar?view=week&date=2032-05-12&service=${service}`);
  await expect(page.getByRole("heading", { level: 1, name: "变更日历" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "从2032年5月10日星期一开始的一周" })).toBeVisible();
  const grid = page.getByRole("list", { name: /按天排列$/ });
  const wednesday = grid.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "5月12日周三" }) });
  await expect(wednesday.getByRole("link", { name: new RegExp(`^10:00 冲突：\\s?${titles.first}`) })).toBeVisible();
  const conflicts = page.getByRole("region", { name: "本周的冲突" });
  await expect(conflicts.getByRole("listitem").filter({ hasText: titles.first }).first()).toContainText(`“${titles.second}”（Ledger ${run}）时间重叠`);
  await page.getByRole("link", { name: "月", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "2032年5月", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "上个月" })).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  const agenda = page.getByRole("list", { name: /有变更或冻结的日子$/ });
  await expect(agenda.getByRole("heading", { level: 3 })).toHaveText(["2032年5月12日星期三"]);
  await expect(agenda.getByRole("link", { name: new RegExp(`冲突：\\s?${titles.second}`) })).toContainText("与变更 #");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test("a list filter it does not know is named in Chinese", async ({ browser }) => {
  const { context, page } = await chinese(browser, "viewer");
  await page.goto("/changes?status=bogus");
  await expect(page.getByRole("alert").filter({ hasText: "已忽略" })).toHaveText("已忽略未知的状态“bogus”。");
  await context.close();
});

test("an approver approves a change in Chinese: the hint asks for a comment first, and the change reads 已批准", async ({ browser }) => {
  const { context, page } = await chinese(browser, "approver");
  await page.goto(`/changes/${approveId}`);
  await expect(page.getByRole("heading", { level: 1, name: titles.approve })).toBeVisible();
  await expect(page.getByText("待审批", { exact: true }).first()).toBeVisible();
  const decide = page.getByRole("form", { name: "审批" });
  await expect(decide.getByLabel("审批意见")).toHaveAttribute("required", "");
  await expect(decide.getByLabel("审批意见")).toHaveAccessibleDescription(/^必填：说明批准或驳回的理由/);
  await decide.getByLabel("审批意见").fill("回滚方案已评审，可以实施");
  await decide.getByRole("button", { name: "批准" }).click();
  // The form goes once the approver has decided (its "已批准。" is proven in app/_actions/changes.test.ts).
  const decisions = page.getByRole("region", { name: "审批记录" });
  await expect(decisions.getByText("回滚方案已评审，可以实施")).toBeVisible();
  await expect(decisions.getByText("已批准", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText("已批准", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "审批" })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});
