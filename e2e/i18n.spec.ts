import fs from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, watchCsp } from "./support/fixtures";
import { englishWords } from "./support/chinese";
import { LANGUAGE_USER, ZH_WALL_LINK_FILE } from "./support/users";

/**
 * The sign-in page and the shell checked on their own here; every page's content is swept in
 * sweep.spec.ts.
 */
const SHELL = "main:has(form input[name=password]), header, aside, a[href='#main']";

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.locator("input[name=email]").fill(LANGUAGE_USER.email);
  await page.locator("input[name=password]").fill(LANGUAGE_USER.password);
  await page.locator("button[type=submit]").click();
  await expect(page).not.toHaveURL(/sign-in/);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`a Chinese browser gets the sign-in page in 简体中文 (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-CN", colorScheme });
    await watchCsp(context);
    const page = await context.newPage();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByRole("heading", { level: 1, name: "登录 Tandem" })).toBeVisible();
      await expect(page.getByLabel("邮箱")).toBeVisible();
      expect(await englishWords(page, SHELL)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await expectAccessible(page);
    await context.close();
  });
}

test("an English browser still gets English", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Tandem" })).toBeVisible();
});

test("a person's language choice sticks across sign-out and sign-in, whatever the browser says", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ locale: "en-US" });
  await watchCsp(context);
  const page = await context.newPage();
  await signIn(page);
  await page.goto("/me");
  // Named in either language: on CI's retry the first attempt may have left this person on Chinese.
  await page.getByLabel(/^(Language of Tandem|Tandem 界面语言)$/).selectOption("zh-CN");
  await page.getByRole("button", { name: /^(Save language|保存语言)$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "语言已保存。" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/sign-in/);
  await signIn(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "概览" })).toBeVisible();

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [390, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/me");
      await expect(page.getByRole("button", { name: "保存语言" })).toBeVisible();
      expect(await englishWords(page, SHELL)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await expectAccessible(page);
  }

  // Back to the browser's language, so a rerun starts where this one did.
  await page.getByLabel("Tandem 界面语言").selectOption("browser");
  await page.getByRole("button", { name: "保存语言" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Language saved." })).toBeVisible();
  await context.close();
});

test("a wall link fixed to zh-CN speaks Chinese to an English browser", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(fs.readFileSync(ZH_WALL_LINK_FILE, "utf8").trim());
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await context.close();
});
