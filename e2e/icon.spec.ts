import { test, expect, pageAs } from "./support/fixtures";

test("Tandem has an icon, and a page loads without a single console error", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  for (const path of ["/", "/timeline", "/incidents"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("load");
  }
  const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.getAttribute("href") ?? null);
  expect(icon, "the page links an icon").not.toBeNull();
  expect((await page.request.get(icon!)).status()).toBe(200);
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image/);
  expect(errors).toEqual([]);
  await page.context().close();
});
