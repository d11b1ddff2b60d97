import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT } from "./e2e/support/users";

/** A run that shows the browser (`--headed`, `--ui`, `--debug` or PWDEBUG), which the headless shell cannot. */
const showsBrowser = Boolean(process.env.PWDEBUG) || process.argv.some((arg) => ["--headed", "--ui", "--debug"].includes(arg));

/**
 * Debian's Chromium when present (nothing can be downloaded here), else Playwright's own browser. Its
 * headless shell first: the build Playwright itself runs headless tests on, without the full browser's
 * UI process; the page sweep took 5.8 min on it against 7.6 on the full browser.
 */
const systemChromium =
  process.env.CHROMIUM_PATH ??
  [...(showsBrowser ? [] : ["/usr/bin/chromium-headless-shell"]), "/usr/bin/chromium"].find((path) => fs.existsSync(path));
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Many tests walk several pages and run axe on each; on CI's machine, at its slow hours and beside the XSS
  // spec, such a test took over 30 s (the standard-change test: 22 s here alone, out of time twice on CI).
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    // Recording a trace of every test cost a fifth of the suite's time here; a test that fails is run once
    // more on CI with its trace recorded (locally: `npx playwright test --trace on`).
    trace: "on-first-retry",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /screenshots\// },
    ...(process.env.TANDEM_SCREENSHOTS
      ? [{ name: "screenshots", testMatch: /screenshots\/.*\.spec\.ts/, dependencies: ["setup"], use: { ...devices["Desktop Chrome"] } }]
      : []),
  ],
  webServer: {
    command: "npx tsx e2e/support/server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
