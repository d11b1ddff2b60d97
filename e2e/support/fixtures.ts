import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import type { UserRole } from "@/lib/auth/roles";

export const storageStateFor = (role: UserRole) => `e2e/.tmp/state-${role}.json`;

/** Records every Content-Security-Policy violation of the context's pages, for expectAccessible to check. */
export async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const log: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: log });
    document.addEventListener("securitypolicyviolation", (e) => log.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
}

/** A page signed in as the given role, from the session saved by auth.setup.ts. */
export async function pageAs(browser: Browser, role: UserRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  await watchCsp(context);
  return context.newPage();
}

/**
 * Fails on any serious or critical axe-core violation, listing them readably, and on anything the
 * page's Content-Security-Policy blocked (our own scripts must all carry the nonce).
 */
export async function expectAccessible(page: Page) {
  // Scan what the page shows once loaded, not the skeleton of a part still streaming in.
  await expect(page.locator("[data-loading]")).toHaveCount(0);
  const blocked = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? null);
  expect(blocked, "watchCsp(context) must run before the page loads").not.toBeNull();
  expect(blocked).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base.extend({
  context: async ({ context }, provide) => {
    await watchCsp(context);
    await provide(context);
  },
});
export { expect };
