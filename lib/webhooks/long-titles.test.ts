import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { runCli } from "@/lib/cli/run";
import { captureIo } from "@/lib/cli/test-io";
import { POST } from "@/app/api/v1/webhooks/[source]/[integration]/route";
import { fixture } from "./fixtures";
import type { WebhookSource } from "./types";

/*
 * A title longer than an incident's 200 characters is cut between code points: cut inside a surrogate
 * pair, the incident schema refused it, and the tool sent the delivery again and again.
 */
const t = tempDir();
process.env.DATABASE_URL = `file:${t.file}`;
afterAll(() => t.cleanup());

type Json = Record<string, unknown>;
/** The object at `key` of a fixture, to edit in place. */
const at = (value: unknown, key: string) => (value as Json)[key] as Json;

/** Each source's fixture that declares an incident, titled `title`, with ids of its own (`n`) so it is a new delivery. */
const DECLARING: Record<"pagerduty" | "opsgenie" | "alertmanager" | "cdevents", (title: string, n: number) => unknown> = {
  pagerduty: (title, n) => {
    const body = fixture("pagerduty", "incident.triggered.v3.json");
    at(body, "event").id = `long-${n}`;
    Object.assign(at(at(body, "event"), "data"), { id: `LONG${n}`, title });
    return body;
  },
  opsgenie: (title, n) => {
    const body = fixture("opsgenie", "create.json");
    Object.assign(at(body, "alert"), { alertId: `long-${n}`, message: title });
    return body;
  },
  alertmanager: (title, n) => {
    const body = fixture("alertmanager", "alert.firing.json");
    for (const alert of at(body, "alerts") as unknown as Json[]) {
      alert.fingerprint = `${String(alert.fingerprint)}-${n}`;
      at(alert, "annotations").summary = title;
    }
    return body;
  },
  cdevents: (title, n) => {
    const body = fixture("cdevents", "incident_detected.json");
    at(body, "context").id = `long-${n}`;
    const subject = at(body, "subject");
    subject.id = `incident-long-${n}`;
    at(subject, "content").description = title;
    return body;
  },
};
const SOURCES = Object.keys(DECLARING) as (keyof typeof DECLARING)[];

const integrations = new Map<WebhookSource, { id: string; secret: string }>();
beforeAll(async () => {
  for (const source of SOURCES) {
    const io = captureIo({ DATABASE_URL: `file:${t.file}` });
    expect(await runCli(["integration", "add", "--source", source, "--name", source], io)).toBe(0);
    integrations.set(source, { id: io.stdout.at(-2)!.split("/").at(-1)!, secret: io.stdout.at(-1)! });
  }
});

async function deliver(source: WebhookSource, body: string) {
  const { id, secret } = integrations.get(source)!;
  const headers: Record<string, string> = source === "pagerduty" ? { "x-pagerduty-signature": `v1=${createHmac("sha256", secret).update(body).digest("hex")}` } : { authorization: `Bearer ${secret}` };
  const response = await POST(new Request(`http://tandem.test/api/v1/webhooks/${source}/${id}`, { method: "POST", headers, body }), { params: Promise.resolve({ source, integration: id }) });
  return { status: response.status, json: await response.json() };
}

/** The titles of the incidents declared after the one with id `after`. */
function titlesAfter(after: number): string[] {
  const db = new Database(t.file, { readonly: true });
  const titles = db.prepare("select title from incidents where id > ? order by id").pluck().all(after) as string[];
  db.close();
  return titles;
}

const lastIncident = () => {
  const db = new Database(t.file, { readonly: true });
  const id = db.prepare("select coalesce(max(id), 0) from incidents").pluck().get() as number;
  db.close();
  return id;
};

// 301 and 300 UTF-16 units: the 199th unit ends a pair in one and starts one in the other.
const TITLES: [string, string][] = [
  ['"a" + 150 🔥', "a" + "🔥".repeat(150)],
  ["150 🔥", "🔥".repeat(150)],
];

describe("a delivery whose incident title is too long", () => {
  let n = 0;
  for (const source of SOURCES) {
    it.each(TITLES)(`${source}: applied, the title (%s) cut between code points to at most 200 characters`, async (_name, title) => {
      const before = lastIncident();
      const reply = await deliver(source, JSON.stringify(DECLARING[source](title, ++n)));
      expect(reply).toMatchObject({ status: 200, json: { status: "applied" } });
      const stored = titlesAfter(before);
      expect(stored.length).toBeGreaterThan(0);
      for (const cut of stored) {
        expect(cut.isWellFormed()).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(200);
        expect(cut.endsWith("…")).toBe(true);
        // All it could keep: the next code point would not fit.
        expect(title.startsWith(cut.slice(0, -1))).toBe(true);
        expect(cut.length).toBeGreaterThanOrEqual(199);
      }
    });
  }
});
