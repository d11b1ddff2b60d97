import { test, expect, pageAs } from "../support/fixtures";

/** Regenerates the README's pictures: run with `npm run screenshots`. */
test("overview screenshot for the README", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Weekly trends" })).toBeVisible();
  await page.screenshot({ path: "public/screenshots/overview.png" });
  await page.context().close();
});

test("wall screenshot for the README", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/wall");
  await expect(page.getByTestId("wall-figure").first()).toBeVisible();
  await page.screenshot({ path: "public/screenshots/wall.png" });
  await page.context().close();
});
