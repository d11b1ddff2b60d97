import Database from "better-sqlite3";
import type { Browser } from "@playwright/test";
import { test, expect, pageAs, storageStateFor } from "./support/fixtures";
import { E2E_DB } from "./support/users";

/** An admin's real "create token" server action call, captured before it reaches the server. */
async function captureCreateToken(browser: Browser, name: string) {
  const page = await pageAs(browser, "admin");
  await page.goto("/settings");
  let captured: import("@playwright/test").Request | undefined;
  await page.route("**/settings", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = route.request();
    await route.abort();
  });
  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByLabel("Token name").fill(name);
  await form.getByLabel("Token role").selectOption("admin");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect.poll(() => captured).toBeDefined();
  const headers = await captured!.allHeaders();
  await page.context().close();
  return { headers, body: captured!.postDataBuffer()! };
}

const tokenNamed = (name: string) => {
  const db = new Database(E2E_DB, { readonly: true });
  try {
    return db.prepare("select count(*) from api_tokens where name = ?").pluck().get(name) as number;
  } finally {
    db.close();
  }
};

test("a server action posted with another site's Origin is refused before it runs, even with the admin's cookie", async ({ browser, playwright, baseURL }) => {
  const name = `Cross-site ${Date.now()}`;
  const call = await captureCreateToken(browser, name);
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  const replay = (origin: string) =>
    admin.post("/settings", {
      headers: { "next-action": call.headers["next-action"]!, "content-type": call.headers["content-type"]!, accept: "text/x-component", origin },
      data: call.body,
      maxRedirects: 0,
    });

  for (const origin of ["https://evil.example", "null", `http://127.0.0.1.evil.example`]) {
    const response = await replay(origin);
    // proxy.ts answers 403 before Next looks up the action (Next itself would answer a bare 500).
    expect(response.status(), origin).toBe(403);
    expect(await response.text()).not.toContain(name);
    expect(tokenNamed(name), origin).toBe(0);
  }

  // The very same request from the app's own origin goes through: only the Origin made the difference.
  const sameSite = await replay(call.headers["origin"]!);
  expect(sameSite.status()).toBe(200);
  const text = await sameSite.text();
  expect(text).toContain("Created admin token");
  expect(text).toContain(name);
  expect(tokenNamed(name)).toBe(1);
  await admin.dispose();
});

// Issue 15: a form posted without JavaScript carries no Next-Action header; Next still takes it for an
// action, and a cross-site one answered 500. proxy.ts refuses any cross-site POST to a page with 403.
test("a cross-site form post without Next-Action is refused with 403, not 500", async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin") });
  for (const origin of ["https://evil.example", "null"]) {
    const multipart = await admin.post("/settings", { headers: { origin }, multipart: { $ACTION_ID_0000000000000000000000000000000000000000: "", name: "x" }, maxRedirects: 0 });
    expect(multipart.status(), origin).toBe(403);
    const urlencoded = await admin.post("/settings", { headers: { origin }, form: { name: "x" }, maxRedirects: 0 });
    expect(urlencoded.status(), origin).toBe(403);
  }
  await admin.dispose();
});

// Issue 15: a record page's loading.tsx streamed the shell first, so notFound() answered 200.
test("an unknown record's page answers 404", async ({ playwright, baseURL }) => {
  const viewer = await playwright.request.newContext({ baseURL, storageState: storageStateFor("viewer") });
  for (const path of ["/deployments/999999", "/incidents/99999", "/changes/99999", "/services/no-such-service", "/incidents/abc", "/drilldown/no-such-figure"]) {
    const response = await viewer.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  await viewer.dispose();
});
