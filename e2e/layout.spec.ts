import { test, expect, pageAs } from "./support/fixtures";
import { APP_PAGES, pathOf } from "./support/pages";

// Every page of the app (the list a unit test keeps complete), at a phone's, a tablet's and a laptop's width.
for (const width of [390, 768, 1280]) {
  test(`no page scrolls sideways at ${width} px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await pageAs(browser, "admin");
    const anonymous = await browser.newPage();
    const wide: string[] = [];
    for (const p of APP_PAGES) {
      const page = p.signedOut ? anonymous : admin;
      await page.setViewportSize({ width, height: 900 });
      await page.goto(pathOf(p));
      await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
      await expect(page.locator("[data-loading]")).toHaveCount(0);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) wide.push(`${pathOf(p)} is ${scrollWidth} px wide`);
    }
    expect(wide).toEqual([]);
    await admin.context().close();
    await anonymous.context().close();
  });
}
