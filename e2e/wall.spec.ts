import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, pageAs, storageStateFor, watchCsp } from "./support/fixtures";
import { INGEST_TOKEN_FILE } from "./support/users";

const ingest = () => ({ authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` });

/** Creates a wall link through Settings as the admin; returns its one-time URL. */
async function createLink(admin: Page, name: string, fill: (form: ReturnType<Page["getByRole"]>) => Promise<void> = async () => undefined): Promise<string> {
  await admin.goto("/settings");
  const form = admin.getByRole("form", { name: "Create a wall link" });
  await form.getByLabel("Link name").fill(name);
  await fill(form);
  await form.getByRole("button", { name: "Create wall link" }).click();
  const url = await admin.getByLabel("Wall link (shown once)").inputValue();
  expect(url).toMatch(/\/wall\/wl_/);
  return url;
}

async function tvAt(browser: Browser, url: string, viewport = { width: 1920, height: 1080 }) {
  const tv = await browser.newContext({ viewport });
  await watchCsp(tv);
  const page = await tv.newPage();
  const stream = page.waitForResponse((r) => r.url().endsWith("/events"));
  await page.goto(url);
  return { tv, page, stream };
}

test("a wall link shows the live wall on a TV without signing in, says when it is stale, and stops when revoked", async ({ browser, request }) => {
  test.setTimeout(60_000);
  const admin = await pageAs(browser, "admin");
  const name = `Floor TV ${Date.now()}`;
  // The link shows a service of this test's own, so other tests' open incidents never crowd its list.
  const service = `wall-check-${Date.now()}`;
  const deployed = await request.post("/api/v1/deployments", { headers: ingest(), data: { service, status: "success", finishedAt: new Date().toISOString() } });
  expect(deployed.status()).toBe(201);
  const url = await createLink(admin, name, async (form) => {
    await form.getByRole("group", { name: "View 1" }).getByLabel("Services (optional)").selectOption([service]);
  });

  for (const viewport of [{ width: 3840, height: 2160 }, { width: 1920, height: 1080 }]) {
    const { tv, page, stream } = await tvAt(browser, url, viewport);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const events = await stream;
    expect(events.status()).toBe(200);
    expect(events.headers()["content-type"]).toContain("text/event-stream");
    const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth, ih: innerHeight, iw: innerWidth }));
    expect(size.h).toBeLessThanOrEqual(size.ih);
    expect(size.w).toBeLessThanOrEqual(size.iw);
    const fontSize = await page.getByTestId("wall-figure").first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(48);
    if (viewport.width === 1920) {
      await expectAccessible(page);
      const title = `Wall check ${Date.now()}`;
      const posted = await request.post("/api/v1/incidents", { headers: ingest(), data: { title, service, severity: "SEV3", startedAt: new Date().toISOString() } });
      expect(posted.status()).toBe(201);
      await expect(page.getByTestId("wall-incident").filter({ hasText: title })).toBeVisible({ timeout: 2_000 });

      await page.route("**/api/wall/**", (route) => route.abort());
      await expect(page.getByTestId("wall-freshness")).toHaveAttribute("data-state", "amber", { timeout: 12_000 });
      await expect(page.getByTestId("wall-freshness")).toContainText("Not updating: last data from");
      await page.unroute("**/api/wall/**");
      await expect(page.getByTestId("wall-freshness")).toHaveAttribute("data-state", "ok", { timeout: 6_000 });

      await page.waitForTimeout(500);
      await admin.reload();
      await admin.getByRole("button", { name: `Revoke wall link ${name}` }).click();
      const confirm = admin.getByRole("dialog", { name: `Revoke the wall link “${name}”?` });
      await expect(confirm).toContainText("Every screen showing this link stops showing the wall");
      await confirm.getByRole("button", { name: "Revoke wall link" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "revoked" })).toHaveText("This link was revoked.", { timeout: 3_000 });
    }
    await tv.close();
  }
  await admin.context().close();
});

test("a wall link opens nothing but the wall: no other page, no API read or write", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const url = await createLink(admin, `Locked TV ${Date.now()}`);
  await admin.context().close();
  const token = url.split("/").at(-1)!;
  const { tv, page, stream } = await tvAt(browser, url);
  await expect(page.getByTestId("wall-figure").first()).toBeVisible();
  // Live before it navigates away: a stream still awaited when the page closes would fail the test.
  await stream;

  for (const path of ["/settings", "/incidents", "/changes/queue", "/"]) {
    expect((await page.goto(path))?.url(), path).toMatch(/\/sign-in(\?|$)/);
  }
  const asLink = { authorization: `Bearer ${token}` };
  const before = await page.request.get("/api/v1/timeline?limit=1", { headers: asLink });
  expect(before.status()).toBe(401);
  for (const [path, data] of [
    ["/api/v1/incidents", { title: "from the TV", service: "checkout-api", severity: "SEV1", startedAt: new Date().toISOString() }],
    ["/api/v1/deployments", { service: "checkout-api", status: "success", finishedAt: new Date().toISOString() }],
    ["/api/v1/changes", { title: "from the TV", service: "checkout-api", type: "emergency", risk: "low" }],
  ] as const) {
    for (const headers of [asLink, {}]) {
      const response = await page.request.post(path, { headers, data });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(401);
    }
  }
  expect((await page.request.get("/metrics", { headers: asLink })).status()).toBe(401);
  expect((await page.request.get("/api/wall/session")).status()).toBe(401);
  await tv.close();
});

test("a link with several views rotates through them, showing which is on screen", async ({ browser }) => {
  test.setTimeout(45_000);
  const admin = await pageAs(browser, "admin");
  const url = await createLink(admin, `Rotating TV ${Date.now()}`, async (form) => {
    await form.getByLabel("Seconds per view").selectOption("5");
    const first = form.getByRole("group", { name: "View 1" });
    await first.getByLabel("View name").fill("Checkout");
    await first.getByLabel("Services (optional)").selectOption(["checkout-api"]);
    const second = form.getByRole("group", { name: "View 2 (optional)" });
    await second.getByLabel("View name").fill("Fires");
    await second.getByLabel("Shows").selectOption("incidents");
  });
  await admin.context().close();
  const { tv, page } = await tvAt(browser, url);
  const views = page.getByRole("navigation", { name: /Views, rotating every/ });
  await expect(views.getByRole("listitem")).toHaveText(["Checkout", "Fires"].map((n) => new RegExp(n)));
  const current = views.locator('[aria-current="true"]');
  const firstShown = (await current.textContent())!.includes("Checkout") ? "Checkout" : "Fires";
  const secondShown = firstShown === "Checkout" ? "Fires" : "Checkout";
  await expect(current).toContainText(secondShown, { timeout: 7_000 });
  if (secondShown === "Fires") {
    await expect(page.getByRole("heading", { name: /Open incidents/ })).toBeVisible();
    await expect(page.getByTestId("wall-figure")).toHaveCount(0);
  } else {
    await expect(page.getByTestId("wall-figure")).toHaveCount(4);
  }
  await expectAccessible(page);
  await tv.close();
});

test("the Settings form refuses an expiry already past, naming the field, and creates nothing", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings");
  const form = admin.getByRole("form", { name: "Create a wall link" });
  const name = `Past TV ${Date.now()}`;
  await form.getByLabel("Link name").fill(name);
  await form.getByLabel("Expires (optional)").fill("2020-01-31");
  await form.getByRole("button", { name: "Create wall link" }).click();
  await expect(form.getByText("Expires must be in the future", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Link name")).toHaveValue(name);
  await expect(admin.getByRole("rowheader", { name })).toHaveCount(0);
  await admin.context().close();
});

// Issue 16: a link made from lists, then handed over as a URL to copy, a QR code and a preview.
test("a wall link is made from pickers and handed over with a copy button, a QR code and a preview", async ({ browser }) => {
  // Two pages checked by axe, a reload and a TV's page: at a slow hour of this 2-core machine, beside the
  // XSS spec, 30 s ran out during the second axe run (clean-clone run of d744435, twice).
  test.setTimeout(90_000);
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  await watchCsp(context);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const admin = await context.newPage();
  await admin.goto("/settings");
  const form = admin.getByRole("form", { name: "Create a wall link" });
  const name = `Picked TV ${Date.now()}`;
  await form.getByLabel("Link name").fill(name);
  await form.getByLabel("Expires (optional)").fill("2099-01-31");
  await form.getByLabel("Seconds per view").selectOption("60");
  await form.getByLabel("Colours").selectOption("light");
  await form.getByRole("group", { name: "View 1" }).getByLabel("Services (optional)").selectOption(["checkout-api"]);
  await form.getByRole("button", { name: "Create wall link" }).click();

  const url = await admin.getByLabel("Wall link (shown once)").inputValue();
  expect(url).toMatch(/^http:\/\/[^/]+\/wall\/wl_[A-Za-z0-9_-]+\?theme=light$/);
  await admin.getByRole("button", { name: "Copy wall link" }).click();
  await expect(admin.getByRole("button", { name: "Copy wall link: copied" })).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const qr = admin.getByRole("img", { name: /QR code of the wall link/ });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => ({ loaded: img.complete && img.naturalWidth > 0, svg: img.src.startsWith("data:image/svg+xml;base64,") }))).toEqual({ loaded: true, svg: true });
  await expect(admin.getByRole("link", { name: /Preview the wall/ })).toHaveAttribute("href", url);
  await expectAccessible(admin);

  // The link keeps what was picked: its row names the service and an expiry, and the TV opens it light.
  await admin.reload();
  const row = admin.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("checkout-api");
  await expect(row).not.toContainText("never");
  const { tv, page } = await tvAt(browser, url);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(await page.locator("main").evaluate((el) => getComputedStyle(el).colorScheme)).toBe("light");
  await expectAccessible(page);
  await tv.close();
  await context.close();
});

/** What a TV across the room needs: the whole wall on screen, nothing cut off, the key figures large. */
async function checkTvLayout(page: Page, viewport: { width: number; height: number }) {
  const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
  expect(size, "no scrolling").toEqual({ h: viewport.height, w: viewport.width });
  // 48 px at 1080p, growing with the screen: twice that on a 4K TV.
  const minimum = 48 * (viewport.height / 1080);
  for (const figure of await page.getByTestId("wall-figure").all()) {
    const box = await figure.evaluate((el) => ({ text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize), overflow: el.scrollWidth - el.clientWidth }));
    expect(box.size, `"${box.text}" is large`).toBeGreaterThanOrEqual(minimum);
    expect(box.overflow, `"${box.text}" fits its tile`).toBeLessThanOrEqual(0);
  }
  await expect(page.getByTestId("wall-sparkline")).toHaveCount(4);
  await expect(page.getByTestId("wall-level")).toHaveCount(4);
  await expect(page.getByTestId("wall-heatmap")).toBeVisible();
  for (const name of [/^Open incidents/, /^Waiting for approval/, /^Deployments, last 7 days/]) {
    const cut = await page.getByRole("region", { name }).evaluate((section) => {
      const box = section.getBoundingClientRect();
      const bottom = box.bottom - parseFloat(getComputedStyle(section).paddingBottom);
      return [...section.querySelectorAll("h2, li, p, table")].filter((el) => el.getBoundingClientRect().bottom > bottom + 0.5 || el.getBoundingClientRect().right > box.right + 0.5).map((el) => el.textContent);
    });
    expect(cut, `nothing is cut off in ${name}`).toEqual([]);
  }
}

test("the wall fills a 1080p and a 4K TV: trends, heatmap and incidents with severity in words, nothing cut off, accessible", async ({ browser, request }) => {
  test.setTimeout(60_000);
  const title = `TV layout ${Date.now()}`;
  // A service of this test's own, so other tests' open incidents never push its incident off the list.
  const service = `tv-layout-${Date.now()}`;
  const deployed = await request.post("/api/v1/deployments", { headers: ingest(), data: { service, status: "success", finishedAt: new Date().toISOString() } });
  expect(deployed.status()).toBe(201);
  const posted = await request.post("/api/v1/incidents", { headers: ingest(), data: { title, service, severity: "SEV2", startedAt: new Date().toISOString() } });
  expect(posted.status()).toBe(201);
  const admin = await pageAs(browser, "admin");
  const url = await createLink(admin, `Layout TV ${Date.now()}`, async (form) => {
    await form.getByRole("group", { name: "View 1" }).getByLabel("Services (optional)").selectOption([service]);
  });
  await admin.context().close();
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
    const { tv, page } = await tvAt(browser, url, viewport);
    await expect(page.getByTestId("wall-figure").first()).toBeVisible();
    const incident = page.getByTestId("wall-incident").filter({ hasText: title });
    await expect(incident).toBeVisible();
    await expect(incident).toContainText("SEV2");
    await expect(incident).toContainText(/open \d+ (s|min)/);
    await expect(page.getByTestId("wall-freshness")).toContainText("Live");
    await checkTvLayout(page, viewport);
    expect(await page.locator("main").evaluate((el) => getComputedStyle(el).colorScheme)).toBe("dark");
    await expectAccessible(page);
    await tv.close();
  }
});

// Issue 15: /wall/<bad token> answered 200 with a not-found page.
test("an unknown wall link answers 404", async ({ request }) => {
  for (const path of ["/wall/wl_no-such-link", "/wall/nonsense"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});

test("the wall opened from the navigation leads back, and at 1280×800 figures keep to one line and no panel is cut off", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("viewer"), viewport: { width: 1280, height: 800 } });
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto("/incidents");
  await page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Wall" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tandem" })).toBeVisible();
  await expect(page.getByTestId("wall-incident").first()).toBeVisible();

  const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
  expect(size).toEqual({ h: 800, w: 1280 });
  for (const figure of await page.getByTestId("wall-figure").all()) {
    const box = await figure.evaluate((el) => ({ text: el.textContent, height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight), overflow: el.scrollWidth - el.clientWidth }));
    expect(box.height, `"${box.text}" is on one line`).toBeLessThan(box.line * 1.5);
    expect(box.overflow, `"${box.text}" fits its tile`).toBeLessThanOrEqual(0);
  }
  for (const name of [/^Open incidents/, /^Waiting for approval/, /^Deployments, last 7 days/]) {
    const cut = await page.getByRole("region", { name }).evaluate((section) => {
      const bottom = section.getBoundingClientRect().bottom - parseFloat(getComputedStyle(section).paddingBottom);
      return [...section.querySelectorAll("h2, li, p")].filter((el) => el.getBoundingClientRect().bottom > bottom + 0.5).map((el) => el.textContent);
    });
    expect(cut, `nothing is cut off in ${name}`).toEqual([]);
  }
  await expectAccessible(page);

  await page.getByRole("link", { name: "Back to Tandem" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await context.close();
});
