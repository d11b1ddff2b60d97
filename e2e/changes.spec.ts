import { test, expect, expectAccessible, pageAs, storageStateFor } from "./support/fixtures";

test("a high-risk change needs two approvers; the requester cannot approve, even by forging the request", async ({ browser, playwright, baseURL }) => {
  const engineer = await pageAs(browser, "engineer");
  await engineer.goto("/changes");
  await engineer.getByRole("link", { name: "File a change" }).click();
  const form = engineer.getByRole("form", { name: "File a change request" });
  const title = `Rotate payment TLS keys ${Date.now()}`;
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Service").selectOption("payments-gateway");
  await form.getByLabel("Type").selectOption("normal");
  await form.getByLabel("Risk").selectOption("high");
  await form.getByRole("button", { name: "Submit for approval" }).click();
  await expect(form.getByLabel("Planned start")).toHaveAccessibleDescription(/is required for normal changes/);
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Planned start").fill(`${day}T10:00`);
  await form.getByLabel("Planned end").fill(`${day}T12:00`);
  await form.getByRole("button", { name: "Submit for approval" }).click();
  await expect(engineer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const changeUrl = engineer.url();
  await expect(engineer.getByRole("form", { name: "Decide" })).toHaveCount(0);
  await expect(engineer.getByText("pending approval").first()).toBeVisible();
  await expectAccessible(engineer);

  const approver = await pageAs(browser, "approver");
  await approver.goto("/changes/queue");
  await approver.getByRole("link", { name: title }).click();
  const decide = approver.getByRole("form", { name: "Decide" });
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await approver.route(changeUrl, async (route) => {
    if (route.request().method() === "POST" && !captured) {
      captured = { headers: await route.request().allHeaders(), body: route.request().postDataBuffer()! };
    }
    await route.continue();
  });
  // The comment is marked required, and says so, before anyone clicks (issue 16, item 8).
  await expect(decide.getByLabel("Comment")).toHaveAttribute("required", "");
  await expect(decide.getByLabel("Comment")).toHaveAccessibleDescription(/^Required: say why you approve or reject/);
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(decide.getByLabel("Comment")).toHaveAccessibleDescription(/^Comment is required Required:/);
  await expect(decide.getByLabel("Comment")).toHaveAttribute("aria-invalid", "true");
  await expect(decide.getByRole("status")).toHaveText("Comment is required.");
  captured = undefined;
  await decide.getByLabel("Comment").fill("Key ceremony plan reviewed");
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByRole("region", { name: "Decisions" }).getByText("Key ceremony plan reviewed")).toBeVisible();
  await expect(approver.getByRole("form", { name: "Decide" })).toHaveCount(0);
  await expect(approver.getByText("pending approval").first()).toBeVisible();

  const forged = await playwright.request.newContext({ baseURL, storageState: storageStateFor("engineer") });
  const reply = await forged.post(changeUrl, {
    headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component", origin: captured!.headers["origin"]! },
    data: captured!.body,
  });
  expect(await reply.text()).toContain("Your role (engineer) does not allow you to approve or reject change requests.");

  const admin = await pageAs(browser, "admin");
  await admin.goto(changeUrl);
  await admin.getByRole("form", { name: "Decide" }).getByLabel("Comment").fill("Second pair of eyes: fine");
  await admin.getByRole("form", { name: "Decide" }).getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByRole("region", { name: "Decisions" }).getByText("Second pair of eyes: fine")).toBeVisible();
  await engineer.reload();
  await expect(engineer.getByText("approved", { exact: true }).first()).toBeVisible();
  await expect(engineer.getByRole("region", { name: "Decisions" }).getByText("Key ceremony plan reviewed")).toBeVisible();
  for (const p of [engineer, approver, admin]) await p.context().close();
});

test("an admin sets a freeze that blocks approving a change in its window", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/changes/freezes");
  const form = admin.getByRole("form", { name: "Set a freeze window" });
  const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  // Named for this run (a retry on CI meets the first attempt's freeze), and on the one service it is
  // about, so it blocks no other test's change planned that day.
  const freeze = `Year-end close ${Date.now().toString(36)}`;
  await form.getByLabel("Name").fill(freeze);
  await form.getByLabel("Service").selectOption("ledger");
  await form.getByLabel("Starts").fill(`${day}T00:00`);
  await form.getByLabel("Ends").fill(`${day}T23:00`);
  await form.getByRole("button", { name: "Set freeze" }).click();
  await expect(admin.getByRole("cell", { name: freeze, exact: true })).toBeVisible();
  await expectAccessible(admin);

  const engineer = await pageAs(browser, "engineer");
  await engineer.goto("/changes/new");
  const change = engineer.getByRole("form", { name: "File a change request" });
  await change.getByLabel("Title").fill("Resize ledger disks");
  await change.getByLabel("Service").selectOption("ledger");
  await change.getByLabel("Type").selectOption("normal");
  await change.getByLabel("Risk").selectOption("low");
  await change.getByLabel("Planned start").fill(`${day}T10:00`);
  await change.getByLabel("Planned end").fill(`${day}T11:00`);
  await change.getByRole("button", { name: "Submit for approval" }).click();
  await expect(engineer.getByRole("heading", { level: 1, name: "Resize ledger disks" })).toBeVisible();

  const approver = await pageAs(browser, "approver");
  await approver.goto(engineer.url());
  await approver.getByRole("form", { name: "Decide" }).getByLabel("Comment").fill("ok");
  await approver.getByRole("form", { name: "Decide" }).getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByRole("status").filter({ hasText: `Approval is blocked by the freeze "${freeze}" until` })).toBeVisible();
  for (const p of [admin, engineer, approver]) await p.context().close();
});

test("an engineer records a deployment by hand and marks it a failed change, then takes that back", async ({ browser }) => {
  const page = await pageAs(browser, "engineer");
  await page.goto("/deployments");
  await page.getByRole("link", { name: "Record a deployment" }).click();
  const form = page.getByRole("form", { name: "Record a deployment" });
  await form.getByLabel("Service").selectOption("notifications");
  await form.getByRole("button", { name: "Record deployment" }).click();
  await expect(form.getByLabel("Finished")).toHaveAccessibleDescription(/is required when status is success/);
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await form.getByLabel("Version (optional)").fill("9.9.9-hand");
  await form.getByLabel("Finished").fill(now);
  await form.getByRole("button", { name: "Record deployment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "notifications 9.9.9-hand" })).toBeVisible();
  await page.getByRole("button", { name: "Mark as failed change" }).click();
  await expect(page.getByText("failed change", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Not a failed change" }).click();
  await expect(page.getByRole("button", { name: "Mark as failed change" })).toBeVisible();
  await page.context().close();
});

test("an emergency change shipped before approval gets the approvals of its risk afterwards; one rejected then stays flagged", async ({ browser }) => {
  const engineer = await pageAs(browser, "engineer");
  const fileAndShip = async (title: string, risk: "low" | "high") => {
    await engineer.goto("/changes/new");
    const form = engineer.getByRole("form", { name: "File a change request" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Service").selectOption("ledger");
    await form.getByLabel("Type").selectOption("emergency");
    await form.getByLabel("Risk").selectOption(risk);
    await form.getByRole("button", { name: "Submit for approval" }).click();
    await expect(engineer.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await engineer.getByRole("button", { name: "Mark implemented" }).click();
    await expect(engineer.getByText("implemented", { exact: true }).first()).toBeVisible();
    await expect(engineer.getByText("awaiting retroactive approval")).toBeVisible();
    return engineer.url();
  };
  const decide = async (role: "approver" | "admin", url: string, button: "Approve" | "Reject") => {
    const page = await pageAs(browser, role);
    await page.goto(url);
    const form = page.getByRole("form", { name: "Decide" });
    await form.getByLabel("Comment").fill(`${button} by ${role}`);
    await form.getByRole("button", { name: button }).click();
    await expect(page.getByRole("region", { name: "Decisions" }).getByText(`${button} by ${role}`)).toBeVisible();
    return page;
  };

  const high = await fileAndShip(`Hotfix ledger rounding ${Date.now()}`, "high");
  const first = await decide("approver", high, "Approve");
  await expect(first.getByText("awaiting retroactive approval")).toBeVisible();
  const second = await decide("admin", high, "Approve");
  await expect(second.getByText("implemented", { exact: true }).first()).toBeVisible();
  await expect(second.getByText("awaiting retroactive approval")).toHaveCount(0);

  const low = await fileAndShip(`Hotfix ledger cache ${Date.now()}`, "low");
  const rejecter = await decide("approver", low, "Reject");
  await expect(rejecter.getByText("rejected", { exact: true }).first()).toBeVisible();
  await expect(rejecter.getByText("rejected after implementation: review")).toBeVisible();
  await expect(rejecter.getByRole("form", { name: "Decide" })).toHaveCount(0);
  for (const p of [engineer, first, second, rejecter]) await p.context().close();
});
