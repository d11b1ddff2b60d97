import { test as base, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import type { UserRole } from "@/lib/auth/roles";

export const storageStateFor = (role: UserRole) => `e2e/.tmp/state-${role}.json`;

/** A page signed in as the given role, from the session saved by auth.setup.ts. */
export async function pageAs(browser: Browser, role: UserRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

/** Fails on any serious or critical axe-core violation, listing them readably. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base;
export { expect };
