import fs from "node:fs";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { INGEST_TOKEN_FILE } from "./support/users";

test("a wall link shows the live wall on a TV without signing in, says when it is stale, and stops when revoked", async ({ browser, request }) => {
  test.setTimeout(60_000);
  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings");
  const form = admin.getByRole("form", { name: "Create a wall link" });
  const name = `Floor TV ${Date.now()}`;
  await form.getByLabel("Link name").fill(name);
  await form.getByRole("button", { name: "Create wall link" }).click();
  const url = await admin.getByLabel("Wall link (shown once)").inputValue();
  expect(url).toMatch(/\/wall\/wl_/);

  for (const viewport of [{ width: 3840, height: 2160 }, { width: 1920, height: 1080 }]) {
    const tv = await browser.newContext({ viewport });
    const page = await tv.newPage();
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth, ih: innerHeight, iw: innerWidth }));
    expect(size.h).toBeLessThanOrEqual(size.ih);
    expect(size.w).toBeLessThanOrEqual(size.iw);
    const fontSize = await page.getByTestId("wall-figure").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(48);
    if (viewport.width === 1920) {
      await expectAccessible(page);
      const title = `Wall check ${Date.now()}`;
      const posted = await request.post("/api/v1/incidents", {
        headers: { authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` },
        data: { title, service: "checkout-api", severity: "SEV3", startedAt: new Date().toISOString() },
      });
      expect(posted.status()).toBe(201);
      await expect(page.getByTestId("wall-incident").filter({ hasText: title })).toBeVisible({ timeout: 4_000 });

      await page.route("**/api/wall/**", (route) => route.abort());
      await expect(page.getByTestId("wall-freshness")).toHaveAttribute("data-state", "amber", { timeout: 12_000 });
      await expect(page.getByTestId("wall-freshness")).toContainText("Not updating: last data from");
      await page.unroute("**/api/wall/**");
      await expect(page.getByTestId("wall-freshness")).toHaveAttribute("data-state", "ok", { timeout: 6_000 });

      expect((await page.goto("/settings"))?.url()).toMatch(/\/sign-in$/);
      await page.goto(url);
      await admin.reload();
      await admin.getByRole("button", { name: `Revoke wall link ${name}` }).click();
      await expect(page.getByRole("alert").filter({ hasText: "revoked" })).toHaveText("This link was revoked.", { timeout: 6_000 });
    }
    await tv.close();
  }
  await admin.context().close();
});
