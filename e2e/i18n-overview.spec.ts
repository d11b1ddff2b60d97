import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, storageStateFor, watchCsp } from "./support/fixtures";
import { englishWords } from "./support/chinese";
import { ZH_WALL_LINK_FILE } from "./support/users";

/** The overview, its definitions, the drill-downs and the wall (issue 19), as a Chinese reader sees them. */

async function chinese(browser: Browser, role: "viewer" | "admin" = "viewer"): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor(role), viewport: { width: 1280, height: 900 } });
  await watchCsp(context);
  return context.newPage();
}

test("the overview's figures, levels and thresholds, and its charts' weeks, are written the Chinese way", async ({ browser }) => {
  const page = await chinese(browser);
  // A range from a Wednesday: its first ISO week (from Monday 2 November 2026) holds 5 of its 7 days.
  await page.goto("/?period=custom&from=2026-11-04&to=2026-11-22");
  await expect(page.getByRole("heading", { level: 1, name: "概览" })).toBeVisible();
  await expect(page.getByTestId("tile-deployment-frequency").getByRole("link", { name: "部署频率" })).toBeVisible();
  await expect(page.getByTestId("value-deployment-frequency")).toHaveText(/^(\d+(\.\d)? 次\/(天|周|月))$/);
  await expect(page.getByTestId("tile-deployment-frequency").locator("p.text-xs").first()).toHaveText(/^\d+ 天内部署 \d+ 次$/);

  const tile = page.getByTestId("tile-change-failure-rate");
  await tile.locator("[aria-describedby]").focus();
  await expect(tile.getByRole("tooltip")).toContainText("精英：不超过 5%");
  await expect(tile.getByRole("tooltip")).toContainText("低：超过 15%");

  const chart = page.getByRole("figure").filter({ hasText: "每周部署次数" });
  await expect(chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first()).toHaveText(/^\d+月\d+日$/);
  await chart.getByText("显示数据").click();
  await expect(chart.getByRole("rowheader").first()).toHaveText("11月2日，不完整的周：7 天中的 5 天");
  await page.context().close();
});

test("the filters say a bad range in Chinese, and the definitions' thresholds read in Chinese units", async ({ browser }) => {
  const page = await chinese(browser);
  await page.goto("/?period=custom&from=2026-11-22&to=2026-11-04");
  await expect(page.getByRole("alert").filter({ hasText: "时间范围" })).toHaveText("时间范围无效：开始日期必须早于结束日期。");
  await expect(page.getByLabel("时间范围")).toHaveValue("custom");

  await page.goto("/how-computed");
  await expect(page.getByRole("heading", { level: 1, name: "这些指标如何计算？" })).toBeVisible();
  const table = page.getByRole("table", { name: "各等级的阈值" });
  await expect(table.getByRole("columnheader")).toHaveText(["指标", "精英", "高", "中", "低"]);
  await expect(table.getByRole("row").filter({ hasText: "部署频率" }).getByRole("cell")).toHaveText(["至少 1 次/天", "至少 1 次/周", "至少 1 次/月", "少于 1 次/月"]);
  await expect(table.getByRole("row").filter({ hasText: "变更前置时间（中位数）" }).getByRole("cell")).toHaveText(["少于 24 小时", "少于 7 天", "少于 30 天", "30 天及以上"]);
  await page.context().close();
});

test("a drill-down names its columns and what recovered a failure in Chinese", async ({ browser }) => {
  const page = await chinese(browser);
  await page.goto("/drilldown/failures?from=2025-01-01T00:00:00Z&to=2026-12-31T00:00:00Z");
  await expect(page.getByRole("heading", { level: 1, name: "失败变更及其恢复" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "恢复方式" })).toBeVisible();
  await expect(page.getByText(/· 共 \d+ 行/)).toBeVisible();
  const rules = await page.locator("tbody tr td:nth-child(8)").allTextContents();
  expect(rules.length).toBeGreaterThan(0);
  for (const rule of rules) expect(["回滚", "故障全部解决", "下一次部署", "—"]).toContain(rule);
  await page.context().close();
});

test("the error pages speak Chinese: an unknown address and a page the role may not open", async ({ browser }) => {
  const page = await chinese(browser);
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expect(page.getByRole("link", { name: "返回概览" })).toBeVisible();
  await page.goto("/changes/queue");
  await expect(page.getByRole("heading", { level: 1, name: "无权访问" })).toBeVisible();
  expect(await englishWords(page, "main")).toEqual([]);
  await page.context().close();
});

/** What a TV across the room needs (as e2e/wall.spec.ts checks in English): no scrolling, large figures, nothing cut off. */
async function checkTvLayout(page: Page, viewport: { width: number; height: number }) {
  const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
  expect(size, "no scrolling").toEqual({ h: viewport.height, w: viewport.width });
  const minimum = 48 * Math.max(1, viewport.height / 1080);
  for (const figure of await page.getByTestId("wall-figure").all()) {
    const box = await figure.evaluate((el) => ({ text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize), overflow: el.scrollWidth - el.clientWidth }));
    expect(box.size, `"${box.text}" is large`).toBeGreaterThanOrEqual(minimum);
    expect(box.overflow, `"${box.text}" fits its tile`).toBeLessThanOrEqual(0);
  }
  await expect(page.getByTestId("wall-level")).toHaveCount(4);
  for (const name of [/^未解决的故障/, /^待审批/, /^部署（最近 7 天）/]) {
    const cut = await page.getByRole("region", { name }).evaluate((section) => {
      const box = section.getBoundingClientRect();
      const bottom = box.bottom - parseFloat(getComputedStyle(section).paddingBottom);
      return [...section.querySelectorAll("h2, li, p, table")].filter((el) => el.getBoundingClientRect().bottom > bottom + 0.5 || el.getBoundingClientRect().right > box.right + 0.5).map((el) => el.textContent);
    });
    expect(cut, `nothing is cut off in ${name}`).toEqual([]);
  }
  // A tile's label and its level side by side, each whole on its line.
  for (const tile of await page.getByTestId("wall-tile").all()) {
    const overflow = await tile.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
}

for (const theme of ["dark", "light"] as const) {
  test(`a wall link fixed to zh-CN is all Chinese on a 1080p, a 1280×800 and a 4K screen (${theme})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const link = fs.readFileSync(ZH_WALL_LINK_FILE, "utf8").trim();
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }, { width: 3840, height: 2160 }]) {
      // An English browser: the link's language wins.
      const tv = await browser.newContext({ locale: "en-US", viewport });
      await watchCsp(tv);
      const page = await tv.newPage();
      await page.goto(theme === "light" ? `${link}?theme=light` : link);
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1, name: "上海大屏" })).toBeVisible();
      await expect(page.getByTestId("wall-figure").first()).toBeVisible();
      await expect(page.getByTestId("wall-freshness")).toContainText(/实时 · \d+ 秒前更新/);
      await expect(page.getByRole("list", { name: "DORA 指标（最近 30 天）" })).toBeVisible();
      await expect(page.getByTestId("wall-heatmap").locator("tbody th").first()).toHaveText(/^\d+月\d+日/);
      await checkTvLayout(page, viewport);
      expect(await englishWords(page), `English on the wall at ${viewport.width}×${viewport.height}`).toEqual([]);
      expect(await page.locator("main").evaluate((el) => getComputedStyle(el).colorScheme)).toBe(theme);
      await expectAccessible(page);
      await tv.close();
    }
  });
}
