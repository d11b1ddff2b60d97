import { httpSink } from "@/lib/notifications/test-sinks";
import { test, expect, expectAccessible, storageStateFor, watchCsp } from "./support/fixtures";
import { englishWords } from "./support/chinese";

test("in 简体中文: the audit log's headings and filters, an integration's delivery log and a channel's status, no English word in the page's own content", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor("admin") });
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto("/settings/audit?entity=notification_channel");
  await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
  await expect(page.getByLabel("对象")).toHaveValue("notification_channel");
  await expect(page.getByLabel("对象").locator("option:checked")).toHaveText("通知渠道");
  await expect(page.getByRole("columnheader", { name: "操作人" })).toBeVisible();
  expect(await englishWords(page, "main")).toEqual([]);

  await page.goto("/settings/integrations/1");
  await expect(page.getByRole("heading", { level: 2, name: "最近投递" })).toBeVisible();
  await expect(page.getByText(/^Alertmanager 集成 · (已启用|已停用)$/)).toBeVisible();
  expect(await englishWords(page, "main")).toEqual([]);

  await page.goto("/settings/channels/1");
  await expect(page.getByRole("heading", { level: 2, name: "投递日志" })).toBeVisible();
  await expect(page.getByText("Slack 通知渠道 · 故障已宣告")).toBeVisible();
  expect(await englishWords(page, "main")).toEqual([]);
  await context.close();
});

test("a Slack channel added in 简体中文 speaks Chinese: its test message arrives in Chinese, and its page can switch it back to English", async ({ browser }) => {
  test.setTimeout(90_000);
  // Its own name, so a retry (or another run on the same database) never finds two channels by it.
  const name = `#值班-zh-${Date.now()}`;
  const sink = await httpSink();
  const context = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor("admin") });
  await watchCsp(context);
  const page = await context.newPage();
  try {
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "添加通知渠道" });
    await form.getByLabel("类型").selectOption("slack");
    await form.getByLabel("通知渠道名称").fill(name);
    await form.getByLabel("目标", { exact: true }).fill(`${sink.url}/services/T000/B000/abcdefghijklmnopqrstuvwx`);
    await form.getByLabel("消息语言").selectOption("zh-CN");
    await form.getByRole("button", { name: "添加通知渠道" }).click();
    await expect(form.getByText(`已创建 Slack 通知渠道“${name}”。`)).toBeVisible();

    await page.getByRole("row").filter({ hasText: name }).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("button", { name: "发送测试消息" }).click();
    await expect(page.getByText(/^已送达（200: ok）。$/)).toBeVisible();
    // The channel hears every event by default: other tests' incidents may reach the sink between its test messages.
    const tests = () => sink.received.map((r) => JSON.parse(r.body)).filter((m) => /测试消息|Test message/.test(m.text));
    const sent = tests()[0]!;
    expect(sent.text).toBe(`Tandem 发往“${name}”的测试消息`);
    expect(sent.blocks.at(-1).elements[0].text.text).toBe("在 Tandem 中打开");
    await expect(page.getByRole("region", { name: "投递日志" }).getByRole("row").filter({ hasText: "测试消息" }).filter({ hasText: "已送达" })).toHaveCount(1);
    await expectAccessible(page);

    await page.getByRole("combobox", { name: "消息语言" }).selectOption("en");
    await page.getByRole("button", { name: "保存语言" }).click();
    await expect(page.getByText("已保存。此通知渠道今后的消息语言：English。")).toBeVisible();
    await page.getByRole("button", { name: "发送测试消息" }).click();
    await expect.poll(() => tests().length).toBe(2);
    expect(tests()[1]!.text).toBe(`Test message from Tandem to "${name}"`);
  } finally {
    await context.close();
    await sink.close();
  }
});
