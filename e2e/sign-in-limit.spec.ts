import type { Browser } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { OwnServer } from "./support/own-server";

/**
 * Issue 15, item 3, through the production server: the sign-in limit counts by the address the server
 * finds (the socket, or what a trusted proxy vouches for), never by what the client writes in a header.
 */

/** Signs in with a wrong password once per entry of `headers`, sending those headers; returns what each attempt said. */
async function attempts(browser: Browser, base: string, email: string, headers: Record<string, string>[]): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const said: string[] = [];
  for (const extra of headers) {
    await context.setExtraHTTPHeaders(extra);
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const status = page.getByRole("status");
    await expect(status).toHaveText(/Wrong email or password\.|Too many sign-in attempts/);
    said.push((await status.textContent())!.startsWith("Too many") ? "limited" : "wrong");
  }
  await context.close();
  return said;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const expected = (wrong: number, limited: number) => [...Array<string>(wrong).fill("wrong"), ...Array<string>(limited).fill("limited")];

test("a new X-Forwarded-For or a forged client-address header buys no fresh tries", async ({ browser, baseURL }, info) => {
  test.setTimeout(90_000);
  const headers = range(12).map((i) => ({ "x-forwarded-for": `198.18.0.${i}`, "x-tandem-client-address": `192.0.2.${i}` }));
  expect(await attempts(browser, baseURL!, `limit-probe-${info.retry}@example.com`, headers)).toEqual(expected(10, 2));
});

test("behind a proxy named in TANDEM_TRUST_PROXY, each forwarded client has its own tries", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = new OwnServer("trust-proxy");
  // The browser connects from 127.0.0.1, so here it plays the proxy.
  server.env.TANDEM_TRUST_PROXY = "127.0.0.1, ::1";
  try {
    await server.start();
    const email = "someone@example.com";
    // Eleven clients, one try each: nobody is limited, as nobody locks out another.
    expect(await attempts(browser, server.base, email, range(11).map((i) => ({ "x-forwarded-for": `6.6.6.6, 203.0.113.${i}` })))).toEqual(expected(11, 0));
    // One client, whatever it writes to the left of what the proxy added: limited after ten.
    expect(await attempts(browser, server.base, email, range(11).map((i) => ({ "x-forwarded-for": `6.6.6.${i}, 198.51.100.1` })))).toEqual(expected(10, 1));
  } finally {
    await server.kill("SIGKILL");
    server.remove();
  }
});
