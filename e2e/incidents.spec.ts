import { ingestApi, postCreated } from "./support/api";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";

test("an engineer confirms which deployment caused an incident; a viewer only sees the candidates", async ({ browser, playwright, baseURL }) => {
  // An incident of its own, with a deployment before it: this test decides its cause, once.
  const service = `blame-${Date.now().toString(36)}`;
  const title = `Search results missing on ${service}`;
  const api = await ingestApi(playwright, baseURL!);
  const startedAt = new Date(Date.now() - 10 * 60_000);
  await postCreated(api, "/api/v1/deployments", { service, status: "success", version: "2.4.0", finishedAt: new Date(startedAt.getTime() - 30 * 60_000).toISOString() });
  await postCreated(api, "/api/v1/incidents", { title, service, severity: "SEV3", startedAt: startedAt.toISOString() });
  await api.dispose();

  const viewer = await pageAs(browser, "viewer");
  await viewer.goto(`/incidents?service=${service}`);
  await viewer.getByRole("main").getByRole("link", { name: title }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const incidentUrl = viewer.url();
  await viewer.goto(`${incidentUrl}?window=720`);
  await expect(viewer.getByRole("table", { name: "Candidate deployments" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /This caused it/ })).toHaveCount(0);
  await expectAccessible(viewer);
  await viewer.context().close();

  const engineer = await pageAs(browser, "engineer");
  await engineer.goto(`${incidentUrl}?window=720`);
  await expect(engineer.getByText("No deployment is blamed for this incident.")).toBeVisible();
  const firstRow = engineer.getByRole("table", { name: "Candidate deployments" }).getByRole("row").nth(1);
  const id = (await firstRow.getByRole("cell").first().textContent())!.replace("#", "");
  await firstRow.getByRole("button", { name: /This caused it/ }).click();
  await expect(engineer.getByText(`Caused by deployment #${id}.`)).toBeVisible();
  await expect(firstRow.getByText("confirmed")).toBeVisible();
  await engineer.getByRole("button", { name: "Not caused by a deployment" }).click();
  // A decision the Data health page counts, and the button's work is done.
  await expect(engineer.getByText("Decided: no deployment caused this incident.")).toBeVisible();
  await expect(engineer.getByRole("button", { name: "Not caused by a deployment" })).toHaveCount(0);
  await engineer.context().close();
});

test("an engineer declares an incident, posts an update, links the cause, resolves it, and sees it all on the timeline", async ({ browser }) => {
  const page = await pageAs(browser, "engineer");
  await page.goto("/incidents");
  await page.getByRole("link", { name: "Declare incident" }).click();
  const form = page.getByRole("form", { name: "Declare incident" });
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(form.getByLabel("What is wrong?")).toHaveAccessibleDescription("Title is required");
  const title = `Checkout latency ${Date.now()}`;
  await form.getByLabel("What is wrong?").fill(title);
  await form.getByLabel("Service").selectOption("checkout-api");
  await form.getByLabel("Severity").selectOption("SEV2");
  await form.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "major incident" })).toBeVisible();

  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await page.getByLabel("Post an update").fill("p99 doubled after the last deploy");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByRole("region", { name: "Updates" }).getByText("p99 doubled after the last deploy")).toBeVisible();

  const url = page.url();
  await page.goto(`${url}?window=720`);
  const candidate = page.getByRole("table", { name: "Candidate deployments" }).getByRole("row").nth(1);
  await candidate.getByRole("button", { name: /This caused it/ }).click();
  await expect(page.getByText(/Caused by deployment #\d+\./)).toBeVisible();

  await page.getByRole("button", { name: "Cause identified" }).click();
  await expect(page.getByRole("button", { name: "Cause identified" })).toHaveCount(0);
  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await page.getByLabel("Postmortem", { exact: true }).fill("## What happened\n\n<script>window.pwned = 1</script>A **slow** query.");
  await page.getByRole("button", { name: "Save postmortem" }).click();
  await expect(page.getByTestId("postmortem").getByRole("heading", { name: "What happened" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  await page.goto("/timeline?type=incident");
  for (const action of ["declared", "identified", "resolved"]) {
    await expect(page.getByTestId("timeline-event").filter({ hasText: title }).filter({ hasText: action }).first()).toBeVisible();
  }
  await page.context().close();
});

test("a viewer cannot declare incidents: no button, and the page is refused", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  await page.goto("/incidents");
  await expect(page.getByRole("link", { name: "Declare incident" })).toHaveCount(0);
  const response = await page.goto("/incidents/new");
  expect(response?.status()).toBe(403);
  await page.context().close();
});

test("the incident list filters by state, severity and team in the URL", async ({ browser }) => {
  const page = await pageAs(browser, "viewer");
  await page.goto("/incidents");
  const filters = page.getByRole("form", { name: "Incident filters" });
  await filters.getByLabel("State").selectOption("1");
  await filters.getByLabel("Severity").selectOption("SEV4");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/open=1/);
  await expect(page).toHaveURL(/severity=SEV4/);
  const rows = page.getByRole("main").getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  for (const text of (await rows.allTextContents()).slice(1)) {
    expect(text).toContain("SEV4");
    expect(text).not.toContain("resolved");
  }
  await page.context().close();
});
