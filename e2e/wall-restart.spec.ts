import { test, expect, watchCsp } from "./support/fixtures";
import { OwnServer } from "./support/own-server";

test("a TV keeps its wall through a server restart: stale while down, live again without a reload", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = new OwnServer("wall-restart");
  try {
    await server.cli("migrate");
    const path = (await server.cli("wall-link", "create", "--name", "Restart TV")).at(-1)!;
    const ingest = await server.token("ingest");
    await server.start();
    const port = server.port;

    const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await watchCsp(tv);
    const page = await tv.newPage();
    await page.goto(`${server.base}${path}`);
    const freshness = page.getByTestId("wall-freshness");
    await expect(freshness).toHaveAttribute("data-state", "ok");

    // A redeploy sends SIGTERM: open live streams must not keep the old server from exiting.
    const stopping = Date.now();
    await server.kill("SIGTERM");
    expect(Date.now() - stopping).toBeLessThan(10_000);
    await expect(freshness).toHaveAttribute("data-state", "amber", { timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Restart TV" })).toBeVisible();

    await server.start(port);
    await expect(freshness).toHaveAttribute("data-state", "ok", { timeout: 10_000 });
    const title = `After the restart ${Date.now()}`;
    const posted = await fetch(`${server.base}/api/v1/incidents`, {
      method: "POST",
      headers: { authorization: `Bearer ${ingest}`, "content-type": "application/json" },
      body: JSON.stringify({ title, service: "checkout-api", severity: "SEV2", startedAt: new Date().toISOString() }),
    });
    expect(posted.status).toBe(201);
    await expect(page.getByTestId("wall-incident").filter({ hasText: title })).toBeVisible({ timeout: 2_000 });
    await tv.close();
  } finally {
    await server.kill("SIGKILL");
    server.remove();
  }
});
