import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "@/db/test/temp-db";
import { runCli } from "./run";
import { captureIo } from "./test-io";

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

async function cli(env: Record<string, string>, ...argv: string[]) {
  const io = captureIo({ DATABASE_URL: `file:${t.file}`, ...env });
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr.join("\n") };
}
const rows = () => {
  const db = new Database(t.file, { readonly: true });
  try {
    return db.prepare("select kind, name, target, secret_sealed, events, team from notification_channels order by id").all() as Record<string, string | null>[];
  } finally {
    db.close();
  }
};

/** A service of team payments, so a channel may be scoped to that team. */
const withPayments = async () => {
  expect((await cli({}, "migrate")).code).toBe(0);
  const db = new Database(t.file);
  db.prepare("insert into services (slug, name, team, created_at, updated_at) values ('checkout', 'Checkout', 'payments', 0, 0)").run();
  db.close();
};

describe("tandem channel add", () => {
  it("creates a webhook channel and prints its signing secret alone on the last line, stored sealed", async () => {
    await withPayments();
    const r = await cli({}, "channel", "add", "--kind", "webhook", "--name", "Ops bus", "--target", "http://127.0.0.1:8080/hook", "--events", "incident.declared,deployment.failed", "--team", "payments");
    expect(r.code).toBe(0);
    const secret = r.out.at(-1)!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [row] = rows();
    expect(row).toMatchObject({ kind: "webhook", name: "Ops bus", target: "http://127.0.0.1:8080/hook", events: '["incident.declared","deployment.failed"]', team: "payments" });
    expect(row!.secret_sealed).toMatch(/^v1\./);
    expect(fs.readFileSync(t.file).includes(secret.slice(6))).toBe(false);
  });

  it("slack, teams: no secret; the URL's key is not printed", async () => {
    const r = await cli({}, "channel", "add", "--kind", "slack", "--name", "#ops", "--target", "https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXXXXX");
    expect(r.code).toBe(0);
    expect(r.out.join("\n")).not.toContain("XXXXXXXXXXXXXXXXXXXXXXXX");
    expect(r.out.at(-1)).toMatch(/^Created slack channel "#ops" \(#1\) to https:\/\/hooks\.slack\.com\/services\/T0000000\/B0000000\/XXXX… for every event\.$/);
    expect(rows()[0]).toMatchObject({ secret_sealed: null, events: null, team: null });
  });

  it("email needs TANDEM_SMTP_URL and an address", async () => {
    expect((await cli({}, "channel", "add", "--kind", "email", "--name", "Ops", "--target", "ops@example.com")).err).toBe("tandem: kind: email needs TANDEM_SMTP_URL set on the server (smtp://host:port?from=address)");
    expect((await cli({ TANDEM_SMTP_URL: "smtp://127.0.0.1:2525" }, "channel", "add", "--kind", "email", "--name", "Ops", "--target", "not-an-address")).err).toMatch(/^tandem: --target must be an email address for an email channel/);
    expect((await cli({ TANDEM_SMTP_URL: "smtp://127.0.0.1:2525" }, "channel", "add", "--kind", "email", "--name", "Ops", "--target", "ops@example.com")).code).toBe(0);
  });

  it("refuses a team no service belongs to (a typo), naming the field, writing nothing", async () => {
    await withPayments();
    const r = await cli({}, "channel", "add", "--kind", "webhook", "--name", "Ops bus", "--target", "http://127.0.0.1:8080/hook", "--team", "paymnts");
    expect(r.code).toBe(1);
    expect(r.err).toBe("tandem: team: no service belongs to team paymnts (check the spelling, or record its services first)");
    expect(rows()).toEqual([]);
  });

  it.each([
    [["--kind", "pager", "--name", "x", "--target", "http://x"], /^tandem: --kind must be one of webhook, slack, teams, email/],
    [["--kind", "webhook", "--name", "x", "--target", "file:///etc/passwd"], /^tandem: --target must be an http\(s\) URL, not file:/],
    [["--kind", "webhook", "--name", "x", "--target", "http://x", "--events", "incident.exploded"], /^tandem: --events has "incident\.exploded", which is not one of incident\.declared, /],
    [["--kind", "webhook", "--name", "x", "--target", "http://x", "--events", ","], /^tandem: --events must list at least one event/],
    // An unset variable in a script, never "every event" or "every team".
    [["--kind", "webhook", "--name", "x", "--target", "http://x", "--events", ""], /^tandem: --events is empty: give it a value or leave the flag out/],
    [["--kind", "webhook", "--name", "x", "--target", "http://x", "--team", " "], /^tandem: --team is empty: give it a value or leave the flag out/],
    [["--kind", "webhook", "--target", "http://x"], /^tandem: --name is required/],
    [["--kind", "webhook", "--name", "x", "--target", "http://x", "--team", "Not A Slug"], /^tandem: --team must be a slug/],
  ])("refuses %j with one line naming the flag, writing nothing", async (args, message) => {
    const r = await cli({}, "channel", "add", ...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    if (fs.existsSync(t.file)) expect(rows()).toEqual([]);
  });
});
