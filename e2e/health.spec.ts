import { test, expect } from "./support/fixtures";

test("GET /api/health answers 200 {status: ok} without authentication", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});
