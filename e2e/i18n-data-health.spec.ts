import fs from "node:fs";
import { test, expect, storageStateFor, watchCsp } from "./support/fixtures";
import { INGEST_TOKEN_FILE } from "./support/users";

test("in Chinese the page and the overview's notice read as written for it", async ({ browser, request }) => {
  // A deployment naming a new service: a service with no team, so there is something to point at.
  const service = `dh-zh-${Date.now().toString(36)}`;
  const token = fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim();
  const made = await request.post("/api/v1/deployments", { headers: { authorization: `Bearer ${token}` }, data: { service, status: "success", finishedAt: new Date().toISOString() } });
  expect(made.status()).toBe(201);
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor("admin") });
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto("/");
  const notice = page.getByTestId("data-health-notice");
  await expect(notice.locator("p")).toHaveText(/^有 \d+ 项数据问题削弱了这些指标，详见数据健康。$/);
  await expect(notice.getByRole("listitem").filter({ hasText: /^\d+ 个服务未归属团队$/ })).toHaveCount(1);
  await notice.getByRole("link", { name: "数据健康" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "数据健康" })).toBeVisible();
  await expect(page.getByTestId("services-count")).toHaveText(/^待处理 [1-9]\d* 项$/);
  await expect(page.getByRole("region", { name: "未归属团队的服务" }).getByRole("link", { name: "设置所属团队" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^超过 \d+ 天的前置时间$/ })).toBeVisible();
  await context.close();
});
