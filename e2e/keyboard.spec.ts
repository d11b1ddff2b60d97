import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { test, expect, pageAs } from "./support/fixtures";
import { INGEST_TOKEN_FILE } from "./support/users";

/*
 * A responder and an approver who never touch a mouse: every control is reached with Tab (or
 * Shift+Tab), shows where focus is, and is worked with Enter, Space, arrows and typing.
 */

/** Presses Tab (or Shift+Tab) until `target` has focus, as a person would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const ring = await target.evaluate((el) => {
        const style = getComputedStyle(el);
        return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      });
      expect(ring, "focus is visible on the control").toBe(true);
      return;
    }
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Focus must stay somewhere useful after a control disappears, not fall back to the page itself. */
async function expectFocusKept(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);
}

test("an engineer declares, acknowledges and updates an incident by keyboard alone", async ({ browser }) => {
  const page = await pageAs(browser, "engineer");
  await page.goto("/incidents");
  await tabTo(page, page.getByRole("link", { name: "Declare incident" }));
  await page.keyboard.press("Enter");

  const form = page.getByRole("form", { name: "Declare incident" });
  const title = form.getByLabel("What is wrong?");
  await expect(title).toBeFocused();
  const name = `Keyboard-declared outage ${Date.now()}`;
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  const service = form.getByLabel("Service");
  await expect(service).toBeFocused();
  await page.keyboard.type("Checkout API");
  await expect(service).toHaveValue("checkout-api");
  await page.keyboard.press("Tab");
  const severity = form.getByLabel("Severity");
  await expect(severity).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(severity).toHaveValue("SEV3");
  await tabTo(page, form.getByRole("button", { name: "Declare incident" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "Acknowledge" }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expectFocusKept(page);

  await tabTo(page, page.getByLabel("Post an update"));
  await page.keyboard.type("Rolled back the cache config");
  await tabTo(page, page.getByRole("button", { name: "Post update" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Updates" }).getByText("Rolled back the cache config")).toBeVisible();

  await tabTo(page, page.getByRole("button", { name: "Cause identified" }), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Cause identified" })).toHaveCount(0);
  await expectFocusKept(page);
  await expect(page.getByRole("main").getByText("identified", { exact: true }).first()).toBeVisible();
  await page.context().close();
});

test("an approver finds a change in the queue and approves it by keyboard alone", async ({ browser, request }) => {
  const title = `Keyboard-approved change ${Date.now()}`;
  const day = new Date(Date.now() + 50 * 86_400_000).toISOString().slice(0, 10);
  const filed = await request.post("/api/v1/changes", {
    headers: { authorization: `Bearer ${fs.readFileSync(INGEST_TOKEN_FILE, "utf8").trim()}` },
    data: { title, service: "search", type: "normal", risk: "low", plannedStart: `${day}T09:00:00Z`, plannedEnd: `${day}T10:00:00Z` },
  });
  expect(filed.status()).toBe(201);

  const page = await pageAs(browser, "approver");
  await page.goto("/changes/queue");
  await tabTo(page, page.getByRole("link", { name: title }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const decide = page.getByRole("form", { name: "Decide" });
  await tabTo(page, decide.getByLabel("Comment"));
  await page.keyboard.type("Low risk, rollback plan is clear");
  await page.keyboard.press("Tab");
  await expect(decide.getByRole("button", { name: "Approve" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("region", { name: "Decisions" }).getByText("Low risk, rollback plan is clear")).toBeVisible();
  await expect(page.getByText("approved", { exact: true }).first()).toBeVisible();
  await expectFocusKept(page);
  await page.context().close();
});
