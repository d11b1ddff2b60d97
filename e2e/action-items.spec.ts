import fs from "node:fs";
import type { Page } from "@playwright/test";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { E2E_DB, INGEST_TOKEN_FILE, READ_TOKEN_FILE, TEST_USERS } from "./support/users";

const bearer = (file: string) => ({ authorization: `Bearer ${fs.readFileSync(file, "utf8").trim()}` });
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** The "My work" link's count must equal what the page lists: the sections' counts in their headings. */
async function expectCountMatchesPage(page: Page) {
  const link = page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: /^My work/ });
  const label = (await link.getAttribute("aria-label")) ?? "My work";
  const badge = Number(/^My work, (\d+) waiting$/.exec(label)?.[1] ?? 0);
  const sections = await page.getByRole("heading", { level: 2, name: /\((\d+)\)$/ }).allTextContents();
  expect(badge).toBe(sections.reduce((sum, text) => sum + Number(/\((\d+)\)$/.exec(text)![1]), 0));
}

test("an action item written on a postmortem shows on its owner's My work, goes overdue, and is closed from there (issue 17)", async ({ browser, request }) => {
  test.setTimeout(150_000);
  const declared = await request.post("/api/v1/incidents", {
    headers: bearer(INGEST_TOKEN_FILE),
    data: { title: `Queue backlog ${Date.now()}`, service: "checkout-api", severity: "SEV3", status: "resolved", startedAt: ago(7_200_000), resolvedAt: ago(3_600_000) },
  });
  expect(declared.status()).toBe(201);
  const incident = (await declared.json()) as { id: number; title: string };

  const page = await pageAs(browser, "engineer");
  await page.goto(`/incidents/${incident.id}/postmortem`);
  await expect(page.getByRole("heading", { level: 1, name: `Postmortem: ${incident.title}` })).toBeVisible();
  const form = page.getByRole("form", { name: "New action item" });
  const title = `Alert on queue depth ${Date.now()}`;
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByLabel("What needs doing")).toHaveAccessibleDescription("Title is required");
  await form.getByLabel("What needs doing").fill(title);
  await form.getByLabel("Owner").selectOption({ label: TEST_USERS.engineer.name });
  await form.getByLabel("Due").fill("2099-12-31");
  await form.getByLabel("Link (optional)").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByLabel("Link (optional)")).toHaveAccessibleDescription("Link must be an http(s) URL");
  await form.getByLabel("Link (optional)").fill("https://runbooks.example.com/queue");
  await form.getByRole("button", { name: "Add action item" }).click();
  await expect(form.getByRole("status")).toContainText(`Added: ${title}, owned by ${TEST_USERS.engineer.name}.`);
  const row = page.getByRole("table", { name: "Action items of this incident" }).getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Open");
  await expectAccessible(page);

  await page.goto("/me");
  const mine = page.getByRole("table", { name: "Action items you own, overdue first" });
  await expect(mine.getByRole("row").filter({ hasText: title })).toContainText("31 Dec 2099");
  await expect(mine.getByRole("row").filter({ hasText: title }).getByText("Overdue")).toHaveCount(0);
  await expectCountMatchesPage(page);

  // The due day moves into the past through the API: no waiting on real time.
  const listed = await request.get(`/api/v1/incidents/${incident.id}/action-items`, { headers: bearer(READ_TOKEN_FILE) });
  const item = ((await listed.json()) as { actionItems: { id: number; title: string }[] }).actionItems.find((i) => i.title === title)!;
  const moved = await request.patch(`/api/v1/action-items/${item.id}`, { headers: bearer(INGEST_TOKEN_FILE), data: { dueDate: "2020-01-01" } });
  expect(await moved.json()).toMatchObject({ dueDate: "2020-01-01", overdue: true });

  await page.reload();
  await expect(mine.getByRole("row").filter({ hasText: title }).getByText("Overdue")).toBeVisible();
  // Overdue first: the first item listed is overdue.
  await expect(mine.getByRole("row").nth(1).getByText("Overdue")).toBeVisible();
  await expectCountMatchesPage(page);
  await expectAccessible(page);

  await page.goto("/wall");
  await expect(page.getByTestId("wall-overdue")).toHaveText(/^[1-9]\d* action items? overdue$/);

  await page.goto("/me");
  await mine.getByRole("button", { name: `Done: ${title}` }).click();
  await expect(mine.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await expectCountMatchesPage(page);
  await page.context().close();
});

test("the communications role is set when declaring and changed on the incident, each change in its updates (issue 17)", async ({ browser }) => {
  const page = await pageAs(browser, "engineer");
  await page.goto("/incidents/new");
  const form = page.getByRole("form", { name: "Declare incident" });
  const title = `Status page stale ${Date.now()}`;
  await form.getByLabel("What is wrong?").fill(title);
  await form.getByLabel("Service").selectOption("checkout-api");
  await form.getByLabel("Severity").selectOption("SEV4");
  await form.getByLabel("Communications (optional)").selectOption({ label: TEST_USERS.approver.name });
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const roles = page.getByRole("main").getByRole("definition");
  await expect(roles.filter({ hasText: TEST_USERS.approver.name })).toBeVisible();

  const choose = page.getByRole("form", { name: "Incident communications" });
  await choose.getByLabel("Communications").selectOption({ label: TEST_USERS.engineer.name });
  await choose.getByRole("button", { name: "Set communications" }).click();
  await expect(choose.getByRole("status")).toHaveText("Communications assigned.");
  const updates = page.getByRole("region", { name: "Updates" });
  await expect(updates.getByText(`communications → ${TEST_USERS.engineer.name}`)).toBeVisible();
  await expect(updates.getByText(`communications → ${TEST_USERS.approver.name}`)).toBeVisible();
  await expectAccessible(page);
  const incidentUrl = page.url();
  await page.context().close();

  const viewer = await pageAs(browser, "viewer");
  await viewer.goto(incidentUrl);
  await expect(viewer.getByRole("form", { name: "Incident communications" })).toHaveCount(0);
  // The engineer declared, so leads too (issue 16): read the communications entry itself.
  await expect(viewer.getByRole("main").getByText("Communications", { exact: true }).locator("xpath=following-sibling::dd[1]")).toHaveText(TEST_USERS.engineer.name);
  await viewer.goto("/me");
  await expect(viewer.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await viewer.context().close();
});

test("an item whose owner was deactivated shows them in its form and saves without reassigning", async ({ browser, request }) => {
  const run = `${Date.now().toString(36)}-${process.pid}`;
  const leaver = { email: `leaver-${run}@example.com`, name: `Lee Leaver ${run}` };
  const io: CliIo = { out: () => undefined, err: () => undefined, env: { DATABASE_URL: `file:${E2E_DB}` }, interactive: false };
  expect(await runCli(["user", "add", "--email", leaver.email, "--name", leaver.name, "--role", "engineer", "--password", "leaver-password-1"], io)).toBe(0);
  const declared = await request.post("/api/v1/incidents", {
    headers: bearer(INGEST_TOKEN_FILE),
    data: { title: `Handover ${run}`, service: "checkout-api", severity: "SEV4", status: "resolved", startedAt: ago(7_200_000), resolvedAt: ago(3_600_000) },
  });
  const incident = (await declared.json()) as { id: number };
  const title = `Write the runbook ${run}`;
  const created = await request.post(`/api/v1/incidents/${incident.id}/action-items`, { headers: bearer(INGEST_TOKEN_FILE), data: { title, owner: leaver.email, dueDate: "2099-12-31" } });
  expect(created.status()).toBe(201);

  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings");
  await admin.getByRole("button", { name: `Deactivate ${leaver.name}` }).click();
  await expect(admin.getByRole("form", { name: `Access of ${leaver.name}` })).toContainText("deactivated");
  await admin.context().close();

  const page = await pageAs(browser, "engineer");
  await page.goto(`/incidents/${incident.id}`);
  await page.getByText(`Edit “${title}”`).click();
  const form = page.getByRole("form", { name: `Edit “${title}”` });
  const owner = form.getByLabel("Owner");
  await expect(owner.locator("option:checked")).toHaveText(`${leaver.name} (no longer assignable)`);
  await form.getByLabel("Status").selectOption({ label: "Done" });
  await form.getByRole("button", { name: "Save action item" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("table", { name: "Action items of this incident" }).getByRole("row").filter({ hasText: title })).toContainText(leaver.name);
  await expectAccessible(page);
  await page.context().close();
});
