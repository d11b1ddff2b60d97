import fs from "node:fs";
import { postCreated } from "./support/api";
import { test, expect, expectAccessible, storageStateFor, watchCsp } from "./support/fixtures";
import { INGEST_TOKEN_FILE } from "./support/users";

/* Issue 19: the incident pages in 简体中文 (the list, an incident, declaring one, its postmortem). */

test("an incident's running time, next step and declare form in 简体中文", async ({ browser, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` } });
  const service = `zh-${Date.now()}`;
  const open = await postCreated(api, "/api/v1/incidents", { title: "Queue backlog", service, severity: "SEV3", startedAt: new Date(Date.now() - 72 * 60_000).toISOString() });
  const resolved = await postCreated(api, "/api/v1/incidents", { title: "Cache flush", service, severity: "SEV4", status: "resolved", startedAt: "2026-01-15T17:00:00Z", resolvedAt: "2026-01-15T19:05:00Z" });
  await api.dispose();

  const context = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor("engineer") });
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto(`/incidents/${open.id}`);
  await expect(page.getByTestId("incident-duration")).toHaveText("已持续 1 小时 12 分钟");
  const steps = page.getByRole("group", { name: "下一步" });
  await expect(steps.getByRole("button")).toHaveText(["确认", "已定位原因", "已修复，观察中", "标记为已解决"]);
  await steps.getByRole("button", { name: "确认" }).click();
  await expect(steps.getByRole("button").first()).toHaveText("已定位原因");
  await expect(page.getByRole("region", { name: "进展" }).getByRole("listitem").filter({ hasText: "已确认" })).toHaveCount(1);
  await expectAccessible(page);

  await page.goto(`/incidents/${resolved.id}`);
  await expect(page.getByTestId("incident-duration")).toHaveText("历时 2 小时 5 分钟解决");

  await page.goto("/incidents/new");
  await expect(page.getByRole("heading", { level: 1, name: "宣告故障" })).toBeVisible();
  const form = page.getByRole("form", { name: "宣告故障" });
  await expect(form.getByLabel("负责人").locator("option:checked")).toHaveText("我");
  await expect(form.getByLabel("负责人")).toHaveAccessibleDescription("宣告人默认担任负责人，之后可以移交。");
  await context.close();
});
