import { test as setup, expect } from "@playwright/test";
import { USER_ROLES } from "@/lib/auth/roles";
import { TEST_USERS } from "./support/users";
import { storageStateFor } from "./support/fixtures";

for (const role of USER_ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = TEST_USERS[role];
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The first page after sign-in renders the overview from a cold server: give it time on a busy machine.
    await expect(page.getByTestId("current-user")).toContainText(role, { timeout: 20_000 });
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
