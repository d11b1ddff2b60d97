import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { runCli } from "@/lib/cli/run";
import { captureIo } from "@/lib/cli/test-io";
import { POST } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { fixtureText } from "./fixtures";

/* An incident's time to acknowledge counts from the first acknowledgement a tool sends, whatever follows. */
const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());

let integration = { id: "", secret: "" };
beforeAll(async () => {
  const io = captureIo({ DATABASE_URL: `file:${t.file}` });
  expect(await runCli(["integration", "add", "--source", "pagerduty", "--name", "PagerDuty"], io)).toBe(0);
  integration = { id: io.stdout.at(-2)!.split("/").at(-1)!, secret: io.stdout.at(-1)! };
});

/** A PagerDuty v3 event of the fixtures' shape, about incident PACK1, at `at`. */
async function send(type: "triggered" | "acknowledged" | "resolved", at: string) {
  const envelope = JSON.parse(fixtureText("pagerduty", `incident.${type}.v3.json`)) as { event: { id: string; occurred_at: string; data: { id: string } } };
  envelope.event.id = `${type}-${at}`;
  envelope.event.occurred_at = at;
  envelope.event.data.id = "PACK1";
  const body = JSON.stringify(envelope);
  const signature = createHmac("sha256", integration.secret).update(body).digest("hex");
  const response = await POST(new Request(`http://tandem.test/api/v1/webhooks/pagerduty/${integration.id}`, { method: "POST", headers: { "x-pagerduty-signature": `v1=${signature}` }, body }), {
    params: Promise.resolve({ source: "pagerduty", integration: integration.id }),
  });
  return response.status;
}

const incident = () => {
  const db = new Database(t.file, { readonly: true });
  try {
    return db.prepare("select status, started_at as startedAt, acknowledged_at as acknowledgedAt, resolved_at as resolvedAt from incidents where external_id like '%PACK1%'").get() as Record<string, string | number | null>;
  } finally {
    db.close();
  }
};
const ms = (iso: string) => Date.parse(iso);

describe("acknowledgements from a tool", () => {
  it("keep the first: a re-acknowledgement leaves it, an earlier one delivered late moves it back, one after the resolution is taken and ignored", async () => {
    expect(await send("triggered", "2026-11-20T02:07:30Z")).toBe(200);
    expect(await send("acknowledged", "2026-11-20T02:10:00Z")).toBe(200);
    expect(incident()).toMatchObject({ acknowledgedAt: ms("2026-11-20T02:10:00Z") });

    // Re-acknowledged after PagerDuty's timeout, and by a second responder.
    expect(await send("acknowledged", "2026-11-20T02:40:00Z")).toBe(200);
    expect(incident()).toMatchObject({ acknowledgedAt: ms("2026-11-20T02:10:00Z") });
    expect(await send("acknowledged", "2026-11-20T02:09:00Z")).toBe(200);
    expect(incident()).toMatchObject({ acknowledgedAt: ms("2026-11-20T02:09:00Z") });

    expect(await send("resolved", "2026-11-20T03:00:00Z")).toBe(200);
    // An acknowledgement after the resolution: answered 200, so PagerDuty does not send it again and again.
    expect(await send("acknowledged", "2026-11-20T03:30:00Z")).toBe(200);
    expect(incident()).toEqual({ status: "resolved", startedAt: ms("2026-11-20T02:07:30Z"), acknowledgedAt: ms("2026-11-20T02:09:00Z"), resolvedAt: ms("2026-11-20T03:00:00Z") });
  });
});
