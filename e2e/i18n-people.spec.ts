import fs from "node:fs";
import type { Browser } from "@playwright/test";
import { test, expect, expectAccessible, storageStateFor, watchCsp } from "./support/fixtures";
import { INGEST_TOKEN_FILE } from "./support/users";

/** Services, deployments, the timeline, teams and on call, and My work (issue 19). */

async function chinesePage(browser: Browser, role: "viewer" | "admin") {
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor(role) });
  await watchCsp(context);
  return context.newPage();
}

test("a timeline event's age reads in Chinese and ticks: 刚刚, then 1 分钟前", async ({ browser, request }) => {
  const page = await chinesePage(browser, "viewer");
  await page.clock.install({ time: Date.now() });
  const version = `zh-${Date.now()}`;
  const response = await request.post("/api/v1/deployments", {
    headers: { authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` },
    data: { service: "checkout-api", status: "success", finishedAt: new Date().toISOString(), version },
  });
  expect(response.status()).toBe(201);
  await page.goto("/timeline?type=deployment");
  await expect(page.getByRole("heading", { level: 1, name: "时间线" })).toBeVisible();
  const event = page.getByTestId("timeline-event").filter({ hasText: version });
  await expect(event).toContainText("刚刚");
  await expect(event).toContainText("部署");
  await expect(event).toContainText("成功");
  await page.clock.fastForward(60_000);
  await expect(event).toContainText("1 分钟前");
  await expect(page.getByRole("button", { name: "加载更早的事件" })).toBeVisible();
  await page.context().close();
});

test("who is on call, and until when, reads in Chinese with a Chinese date", async ({ browser }) => {
  const page = await chinesePage(browser, "viewer");
  await page.goto("/teams/payments");
  await expect(page.getByRole("heading", { level: 1, name: "团队 Payments" })).toBeVisible();
  await expect(page.getByTestId("on-call")).toContainText(/值班至 \d{4}年\d{1,2}月\d{1,2}日/);
  await page.goto("/services");
  await expect(page.getByRole("table", { name: "各服务最近 30 天的四项关键指标" })).toContainText(/\d 次\/(天|周|月)/);
  await page.context().close();
});

test("recording a deployment without its finish time is refused in a Chinese form, beside the field", async ({ browser }) => {
  const page = await chinesePage(browser, "admin");
  await page.goto("/deployments/new");
  await expect(page.getByRole("heading", { level: 1, name: "登记部署" })).toBeVisible();
  const form = page.getByRole("form", { name: "登记部署" });
  await form.locator("select[name=service]").selectOption("checkout-api");
  await form.getByLabel("状态").selectOption({ label: "成功" });
  await form.getByRole("button", { name: "登记部署" }).click();
  const finished = form.getByLabel("完成时间");
  await expect(finished).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("status")).not.toBeEmpty();
  await expect(page).toHaveURL(/\/deployments\/new$/);
  await expectAccessible(page);
  await page.context().close();
});
