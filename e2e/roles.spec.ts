import type { APIRequestContext } from "@playwright/test";
import { test, expect, pageAs, storageStateFor } from "./support/fixtures";

test.describe("roles are enforced by the server", () => {
  for (const role of ["viewer", "engineer", "approver"] as const) {
    test(`${role} gets 403 from /settings and sees no Settings link`, async ({ browser }) => {
      const page = await pageAs(browser, role);
      const response = await page.goto("/settings");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "Settings" })).toHaveCount(0);
      await page.context().close();
    });
  }

  /**
   * Captures a real "create user" server action call made by an admin, without letting it run,
   * then replays the identical request with other credentials: the server itself must refuse.
   */
  async function captureCreateUserCall(browser: import("@playwright/test").Browser, email: string) {
    const page = await pageAs(browser, "admin");
    await page.goto("/settings");
    let captured: import("@playwright/test").Request | undefined;
    await page.route("**/settings", async (route) => {
      if (route.request().method() === "POST") {
        captured = route.request();
        await route.abort();
      } else await route.continue();
    });
    const form = page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Name").fill("Forged Person");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Role").selectOption("admin");
    await form.getByLabel("Initial password").fill("forged-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect.poll(() => captured).toBeDefined();
    const call = { headers: await captured!.allHeaders(), body: captured!.postDataBuffer()! };
    await page.context().close();
    return call;
  }

  async function replay(request: APIRequestContext, call: { headers: Record<string, string>; body: Buffer }) {
    const { headers } = call;
    const response = await request.post("/settings", {
      headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: headers["accept"] ?? "text/x-component", origin: headers["origin"]! },
      data: call.body,
    });
    return response.text();
  }

  test("a viewer replaying an admin's create-user action is refused and nothing is written", async ({ browser, playwright, baseURL }) => {
    const email = "forged-by-viewer@example.com";
    const call = await captureCreateUserCall(browser, email);
    const viewer = await playwright.request.newContext({ baseURL, storageState: storageStateFor("viewer") });
    expect(await replay(viewer, call)).toContain("Your role (viewer) does not allow you to create users.");
    const anonymous = await playwright.request.newContext({ baseURL });
    expect(await replay(anonymous, call)).toContain("Sign in to continue.");
    const admin = await pageAs(browser, "admin");
    await admin.goto("/settings");
    await expect(admin.getByRole("cell", { name: email })).toHaveCount(0);
    await admin.context().close();
  });
});
