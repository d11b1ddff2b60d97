import { test, expect, expectAccessible, pageAs } from "./support/fixtures";

test("an engineer confirms which deployment caused an incident; a viewer only sees the candidates", async ({ browser }) => {
  const viewer = await pageAs(browser, "viewer");
  await viewer.goto("/incidents");
  await viewer.getByRole("link", { name: "Search results missing for some queries" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Search results missing for some queries" })).toBeVisible();
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
  await expect(engineer.getByText("No deployment is blamed for this incident.")).toBeVisible();
  await engineer.context().close();
});
