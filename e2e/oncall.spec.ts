import type { Page } from "@playwright/test";
import type { CliIo } from "@/lib/cli/io";
import { runCli } from "@/lib/cli/run";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { E2E_DB } from "./support/users";

/** A datetime-local value `minutes` from now, in UTC (the context's zone below). */
const localIn = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test.use({ timezoneId: "UTC" });

/** Names of this run: a retry on CI meets the first attempt's team in the same database. */
const run = Date.now().toString(36);
const TEAM = { name: `Night Owls ${run}`, slug: `night-owls-${run}` };

/** Creates a team from Settings, as an admin does, and waits for the form's confirmation. */
async function createTeam(page: Page, team: { name: string; slug: string }) {
  await page.goto("/settings");
  const create = page.getByRole("form", { name: "Create a team" });
  await create.getByLabel("Team name").fill(team.name);
  await create.getByLabel("Team slug").fill(team.slug);
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(create.getByRole("status")).toHaveText(`Created team ${team.name}.`);
}

test.describe("teams and on call (admin)", () => {
  test("an admin creates a team, adds members, a rotation and an override; the team page and the wall show who is on call", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await pageAs(browser, "admin");
    await createTeam(page, TEAM);

    await page.getByRole("link", { name: new RegExp(`^${TEAM.name}\\b.*members and on call`) }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Team ${TEAM.name}` })).toBeVisible();

    // A rotation with nobody in it is refused, saying why.
    const rotation = page.getByRole("form", { name: "On-call rotation" });
    await rotation.getByLabel("First hand-over on").fill(daysAgo(14));
    await rotation.getByRole("button", { name: "Save rotation" }).click();
    await expect(rotation.getByRole("status")).toHaveText("A rotation needs at least one member: add people to the team first.");

    const add = page.getByRole("form", { name: "Add a member" });
    await add.getByLabel("Person").selectOption({ label: "Ed Engineer (engineer@example.com)" });
    await add.getByRole("button", { name: "Add member" }).click();
    await expect(add.getByRole("status")).toHaveText("Added Ed Engineer.");
    await expect(page.getByRole("row", { name: /Ed Engineer/ })).toBeVisible();

    await rotation.getByLabel("Shift length").selectOption({ label: "1 week" });
    await rotation.getByLabel("Hand-over time").fill("09:00");
    await rotation.getByLabel("Time zone").selectOption("Europe/Berlin");
    await rotation.getByLabel("First hand-over on").fill(daysAgo(14));
    await rotation.getByRole("button", { name: "Save rotation" }).click();
    await expect(rotation.getByRole("status")).toHaveText("Rotation saved.");
    await expect(page.getByRole("table", { name: "Coming shifts" }).getByRole("row").nth(1)).toContainText("Ed Engineer");

    await add.getByLabel("Person").selectOption({ label: "Ana Approver (approver@example.com)" });
    await add.getByRole("button", { name: "Add member" }).click();
    await expect(add.getByRole("status")).toHaveText("Added Ana Approver.");

    // "I take tonight for Ed": Ana covers the next two hours; an overlapping second override is refused.
    const override = page.getByRole("form", { name: "Add an override" });
    await override.getByLabel("Who covers").selectOption({ label: "Ana Approver (approver@example.com)" });
    await override.getByLabel("Reason").fill("I take tonight for Ed");
    await override.getByLabel("From").fill(localIn(-30));
    await override.getByLabel("Until").fill(localIn(120));
    await override.getByRole("button", { name: "Add override" }).click();
    await expect(override.getByRole("status")).toHaveText(/^Ana Approver is on call/);
    await expect(page.getByRole("table", { name: "Current and coming overrides" })).toContainText("I take tonight for Ed");

    await override.getByLabel("Who covers").selectOption({ label: "Ed Engineer (engineer@example.com)" });
    await override.getByLabel("From").fill(localIn(60));
    await override.getByLabel("Until").fill(localIn(180));
    await override.getByRole("button", { name: "Add override" }).click();
    await expect(override.getByLabel("From")).toHaveAccessibleDescription(/overlaps another one/);
    await expectAccessible(page);

    await page.goto(`/teams/${TEAM.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: `Team ${TEAM.name}` })).toBeVisible();
    await expect(page.getByTestId("on-call")).toContainText("Ana Approver");
    await expect(page.getByTestId("on-call")).toContainText("override");
    await expect(page.getByTestId("on-call")).toContainText("next:");
    await expectAccessible(page);

    await page.goto("/teams");
    await expect(page.getByRole("row", { name: new RegExp(TEAM.name) })).toContainText("Ana Approver");

    await page.goto("/wall");
    await expect(page.getByTestId("wall-on-call")).toContainText(`${TEAM.name} Ana Approver`);
    await page.context().close();
  });

  test("declaring an incident offers the service team's on-call person as lead, one click away (the declarer leads by default)", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    // The demo's payments team has a weekly rotation: someone is always on call for checkout-api.
    const response = await page.request.get("/api/v1/oncall?team=payments");
    expect(response.status()).toBe(200);
    const { now } = (await response.json()) as { now: { user: { name: string } } | null };
    expect(now).not.toBeNull();
    await page.goto("/incidents/new");
    const form = page.getByRole("form", { name: "Declare incident" });
    await expect(form.getByLabel("Lead").locator("option:checked")).toHaveText("Me");
    await form.getByLabel("Service").selectOption({ label: "Checkout API" });
    await expect(form.getByLabel("Lead").locator("option:checked")).toHaveText("Me");
    await expect(form.getByLabel("Lead")).toHaveAccessibleDescription(`Whoever declares leads until they hand over. ${now!.user.name} is on call for this service's team.`);
    await form.getByRole("button", { name: `Make ${now!.user.name} lead` }).click();
    await expect(form.getByLabel("Lead").locator("option:checked")).toHaveText(now!.user.name);
    await form.getByLabel("What is wrong?").fill("Checkout returns 502s");
    await form.getByRole("button", { name: "Declare incident" }).click();
    await expect(page).toHaveURL(/\/incidents\/\d+$/);
    await expect(page.getByLabel("Lead", { exact: true }).locator("option:checked")).toContainText(now!.user.name);
    await expect(page.getByTestId("on-call")).toContainText(now!.user.name);
    await page.context().close();
  });
});

test("a deactivated member stays listed, marked, and the coming shifts pass over them", async ({ browser }) => {
  const stamp = `${Date.now().toString(36)}-${process.pid}`;
  const leaver = { email: `rota-${stamp}@example.com`, name: `Rota Leaver ${stamp}` };
  const io: CliIo = { out: () => undefined, err: () => undefined, env: { DATABASE_URL: `file:${E2E_DB}` }, interactive: false };
  expect(await runCli(["user", "add", "--email", leaver.email, "--name", leaver.name, "--role", "engineer", "--password", "leaver-password-1"], io)).toBe(0);
  const team = { name: `Rota ${stamp}`, slug: `rota-${stamp}` };
  const page = await pageAs(browser, "admin");
  await createTeam(page, team);
  await page.goto(`/settings/teams/${team.slug}`);
  const add = page.getByRole("form", { name: "Add a member" });
  for (const label of ["Ed Engineer (engineer@example.com)", `${leaver.name} (${leaver.email})`]) {
    await add.getByLabel("Person").selectOption({ label });
    await add.getByRole("button", { name: "Add member" }).click();
    await expect(add.getByRole("status")).toHaveText(/^Added /);
  }
  const rotation = page.getByRole("form", { name: "On-call rotation" });
  await rotation.getByLabel("Shift length").selectOption({ label: "1 day" });
  await rotation.getByLabel("First hand-over on").fill(daysAgo(3));
  await rotation.getByRole("button", { name: "Save rotation" }).click();
  await expect(rotation.getByRole("status")).toHaveText("Rotation saved.");
  const shifts = page.getByRole("table", { name: "Coming shifts" });
  await expect(shifts).toContainText(leaver.name);

  await page.goto("/settings");
  await page.getByRole("button", { name: `Deactivate ${leaver.name}` }).click();
  await expect(page.getByRole("form", { name: `Access of ${leaver.name}` })).toContainText("deactivated");
  await page.goto(`/settings/teams/${team.slug}`);
  await expect(page.getByRole("row", { name: new RegExp(leaver.name) })).toContainText("deactivated: not on call");
  await expect(shifts.getByRole("row").nth(1)).toContainText("Ed Engineer");
  await expect(shifts).not.toContainText(leaver.name);
  await expectAccessible(page);
  await page.context().close();
});
