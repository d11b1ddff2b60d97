import fs from "node:fs";
import { test, expect, expectAccessible, storageStateFor, watchCsp } from "./support/fixtures";
import { INGEST_TOKEN_FILE, TEST_USERS } from "./support/users";

/**
 * Issue 19: forms answer in the page's language (the refusal beside the field and in the form's message),
 * and issue 16: on a phone the header and the major-incident banner leave the page's content near the top.
 */

test("a Chinese page tells an incomplete form what is missing in Chinese, beside the field and in the form's message", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor("engineer") });
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto("/incidents/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.locator("#declare-title").fill("");
  await page.locator("main form button[type=submit]").click();
  await expect(page.locator("#declare-title")).toHaveAccessibleDescription("标题为必填项");
  await expect(page.locator("#declare-service-error")).toHaveText("服务为必填项");
  await expect(page.getByRole("status").filter({ hasText: "标题为必填项。另请检查：服务。" })).toBeVisible();
  await context.close();
});

test("signing in with a blank password in Chinese names the password, in Chinese", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill(TEST_USERS.viewer.email);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByLabel("密码")).toHaveAccessibleDescription("密码为必填项");
  await expect(page.getByRole("status")).toHaveText("请输入邮箱和密码。");
  await expectAccessible(page);
  await context.close();
});

test.describe("on a phone, with a major incident open", () => {
  // One worker, so one incident stays open for both languages.
  test.describe.configure({ mode: "serial" });
  let incident = 0;
  const api = { Authorization: `Bearer ${fs.existsSync(INGEST_TOKEN_FILE) ? fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim() : ""}` };

  test.beforeAll(async ({ request }) => {
    const title = `Payments are failing for every customer in every region while the queue backs up ${Date.now()}`;
    const response = await request.post("/api/v1/incidents", { headers: api, data: { title, service: "checkout-api", severity: "SEV1", startedAt: new Date().toISOString() } });
    expect(response.status()).toBe(201);
    incident = ((await response.json()) as { id: number }).id;
  });

  test.afterAll(async ({ request }) => {
    await request.patch(`/api/v1/incidents/${incident}`, { headers: api, data: { status: "resolved", resolvedAt: new Date().toISOString() } });
  });

  for (const locale of ["en-GB", "zh-CN"]) {
    test(`the page's own heading starts within 120 px of the top (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ locale, storageState: storageStateFor("engineer"), viewport: { width: 390, height: 844 } });
      await watchCsp(context);
      const page = await context.newPage();
      await page.goto("/services");
      const banner = page.getByRole("alert").filter({ has: page.locator('a[href^="/incidents/"]') });
      await expect(banner).toBeVisible();
      expect((await banner.boundingBox())!.height, "the banner is one line").toBeLessThan(44);
      const heading = page.getByRole("heading", { level: 1 }).first();
      await expect(heading).toBeVisible();
      expect((await heading.boundingBox())!.y).toBeLessThanOrEqual(120);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      // Theme, who is signed in and sign-out are one tap away, in the account menu.
      await expect(page.getByTestId("current-user")).toBeHidden();
      await page.getByRole("banner").locator("summary").last().click();
      await expect(page.getByTestId("current-user")).toBeVisible();
      await expect(page.getByRole("button", { name: locale === "zh-CN" ? "退出登录" : "Sign out" })).toBeVisible();
      await expectAccessible(page);

      // On a laptop they sit in the header row, no menu to open.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.reload();
      await expect(page.getByTestId("current-user")).toBeVisible();
      await expect(page.getByRole("button", { name: locale === "zh-CN" ? "深色" : "Dark" })).toBeVisible();
      await context.close();
    });
  }
});
