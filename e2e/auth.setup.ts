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
    await expect(page.getByTestId("current-user")).toContainText(role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
