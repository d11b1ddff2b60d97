import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import axe from "axe-core";
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
 * The serious and critical axe-core violations of the page, read readably. axe runs in the page itself:
 * the app has no frames, and @axe-core/playwright's cross-frame scan opened a second page for every scan
 * and sent back every passing node, which made each scan take about three times as long. Only the
 * violations are gathered; every rule axe runs by default still runs.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  expect(page.frames(), "a page with frames needs a cross-frame scan (@axe-core/playwright)").toHaveLength(1);
  // A string is evaluated by the browser's debugger, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
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
  expect(await seriousViolations(page)).toEqual([]);
}

export const test = base.extend({
  context: async ({ context }, provide) => {
    await watchCsp(context);
    await provide(context);
  },
});
export { expect };
