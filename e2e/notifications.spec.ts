import { Webhook } from "standardwebhooks";
import { httpSink } from "@/lib/notifications/test-sinks";
import { test, expect, expectAccessible, pageAs } from "./support/fixtures";
import { OwnServer } from "./support/own-server";

const declare = (server: OwnServer, token: string, title: string) =>
  fetch(`${server.base}/api/v1/incidents`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ title, service: "checkout-api", severity: "SEV1", startedAt: new Date().toISOString() }),
  });

test("a declared incident reaches a webhook receiver within 5 s, signed; a message the server was killed while sending is delivered after the restart", async () => {
  test.setTimeout(120_000);
  // The first delivery hangs, so the server dies with the message committed but not delivered; then the receiver answers.
  const sink = await httpSink((n) => (n === 2 ? "hang" : 200));
  const server = new OwnServer("notifications");
  try {
    await server.cli("migrate");
    const secret = (await server.cli("channel", "add", "--kind", "webhook", "--name", "ops bus", "--target", sink.url, "--events", "incident.declared")).at(-1)!;
    expect(secret).toMatch(/^whsec_/);
    const ingest = await server.token("ingest");
    await server.start();

    const started = Date.now();
    expect((await declare(server, ingest, "Checkout is down")).status).toBe(201);
    await expect.poll(() => sink.received.length, { timeout: 5_000, intervals: [50] }).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    const first = sink.received[0]!;
    expect(new Webhook(secret).verify(first.body, first.headers as Record<string, string>)).toMatchObject({ type: "incident.declared", data: { title: "Checkout is down", service: "checkout-api" } });

    expect((await declare(server, ingest, "Payments are down")).status).toBe(201);
    await expect.poll(() => sink.received.length, { timeout: 5_000, intervals: [50] }).toBe(2);
    await server.kill("SIGKILL");
    const cut = sink.received[1]!;

    await server.start();
    await expect.poll(() => sink.received.length, { timeout: 30_000, intervals: [200] }).toBe(3);
    const again = sink.received[2]!;
    expect(again.headers["webhook-id"]).toBe(cut.headers["webhook-id"]);
    expect(new Webhook(secret).verify(again.body, again.headers as Record<string, string>)).toMatchObject({ data: { title: "Payments are down" } });
    // Answered 2xx: never sent again.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(sink.received).toHaveLength(3);
  } finally {
    await server.kill("SIGKILL");
    server.remove();
    await sink.close();
  }
});

test("an admin adds a Slack channel in Settings, sends a test message and sees it in the delivery log; deleting asks first", async ({ browser }) => {
  // Its own name, so a retry (or another run on the same database) never finds two channels by it.
  const name = `#ops-e2e-${Date.now()}`;
  const sink = await httpSink();
  try {
    const page = await pageAs(browser, "admin");
    await page.goto("/settings");
    const form = page.getByRole("form", { name: "Add a notification channel" });
    await form.getByLabel("Kind").selectOption("slack");
    await form.getByLabel("Channel name").fill(name);
    await form.getByLabel("Target").fill("file:///etc/passwd");
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByText("Target must be an http(s) URL, not file:", { exact: true })).toBeVisible();
    await form.getByLabel("Target").fill(`${sink.url}/services/T000/B000/abcdefghijklmnopqrstuvwx`);
    await form.getByLabel("Deployment failed").uncheck();
    await form.getByRole("button", { name: "Add channel" }).click();
    await expect(form.getByText(`Created slack channel "${name}".`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("/services/T000/B000/abcd…");
    await expect(row).not.toContainText("abcdefghijklmnopqrstuvwx");
    await expect(row).not.toContainText("deployment.failed");

    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("button", { name: "Send test message" }).click();
    await expect(page.getByText(/^Delivered \(200: ok\)\.$/)).toBeVisible();
    // The channel hears incidents: another test's may reach the sink too.
    expect(sink.received.map((r) => JSON.parse(r.body).text)).toContain(`Test message from Tandem to "${name}"`);
    const log = page.getByRole("region", { name: "Delivery log" });
    await expect(log.getByRole("row").filter({ hasText: "tandem.test" }).filter({ hasText: "delivered" })).toHaveCount(1);
    await expectAccessible(page);

    await page.goto("/settings");
    await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: `Delete channel ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Delete the channel “${name}”?` });
    await dialog.getByRole("button", { name: "Delete channel" }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
    await page.context().close();
  } finally {
    await sink.close();
  }
});
