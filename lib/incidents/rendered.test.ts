import fs from "node:fs";
import path from "node:path";
import BetterSqlite from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { findIncidentById, listIncidentUpdates } from "@/db/queries/incidents";
import { auditLog, incidentUpdates, WRITTEN_UPDATE_KINDS } from "@/db/schema";
import { memoryDb, tempDir } from "@/db/test/temp-db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { patchIncident, recordIncident } from "./record";
import { htmlFor, renderMissingHtml } from "./rendered";
import { addIncidentNote, moveIncident, savePostmortem } from "./respond";

const declare = (db: ReturnType<typeof memoryDb>["db"], summary?: string) =>
  recordIncident(db, CLI_ACTOR, "test", { title: "Checkout down", service: "checkout", severity: "SEV2", startedAt: new Date("2026-11-20T10:00:00Z"), summary });

describe("incident Markdown rendered when written", () => {
  it("stores the HTML of a summary, a postmortem and every update beside their text", async () => {
    const { db } = memoryDb();
    const { incident } = await declare(db, "Errors on `POST /pay`");
    expect(incident.summaryHtml).toBe("<p>Errors on <code>POST /pay</code></p>\n");
    expect((await patchIncident(db, CLI_ACTOR, "test", incident.id, { summary: "**Worse**" })).summaryHtml).toBe("<p><strong>Worse</strong></p>\n");
    expect((await patchIncident(db, CLI_ACTOR, "test", incident.id, { summary: null })).summaryHtml).toBeNull();
    expect((await patchIncident(db, CLI_ACTOR, "test", incident.id, { severity: "SEV1" })).summaryHtml).toBeNull();
    const saved = await savePostmortem(db, CLI_ACTOR, incident.id, "- [x] roll back");
    expect(saved.postmortemHtml).toBe('<ul>\n<li class="task"><label><input type="checkbox" disabled checked /> roll back</label></li>\n</ul>\n');
    expect((await savePostmortem(db, CLI_ACTOR, incident.id, "")).postmortemHtml).toBeNull();
    await addIncidentNote(db, CLI_ACTOR, incident.id, "Restarted `api-7`");
    await moveIncident(db, CLI_ACTOR, incident.id, "identified", "Bad *config*");
    const updates = await listIncidentUpdates(db.read, incident.id);
    const written = (u: (typeof updates)[number]) => u.body !== null && (WRITTEN_UPDATE_KINDS as readonly string[]).includes(u.kind);
    expect(updates.filter(written).map((u) => u.bodyHtml)).toEqual(["<p>Bad <em>config</em></p>\n", "<p>Restarted <code>api-7</code></p>\n"]);
    expect(updates.filter((u) => !written(u)).map((u) => u.bodyHtml)).toEqual(updates.filter((u) => !written(u)).map(() => null));
  });

  it("keeps the audit log to the text people wrote, not the HTML derived from it", async () => {
    const { db } = memoryDb();
    const { incident } = await declare(db, "*x*");
    await savePostmortem(db, CLI_ACTOR, incident.id, "# What happened");
    const logged = JSON.stringify(await db.read.select().from(auditLog));
    expect(logged).toContain("# What happened");
    expect(logged).not.toMatch(/summaryHtml|postmortemHtml|<h1>|<em>/);
  });

  it("shows the stored HTML, or renders a row that has none yet", () => {
    expect(htmlFor("*a*", "<p>stored</p>")).toBe("<p>stored</p>");
    expect(htmlFor("*a*", null)).toBe("<p><em>a</em></p>\n");
    expect(htmlFor(null, null)).toBeNull();
    expect(htmlFor("", "")).toBeNull();
  });
});

describe("a database from before migration 0017", () => {
  const t = tempDir();
  afterEach(() => t.cleanup());

  it("keeps working: the migration adds the columns and the backfill renders the rows written before it", async () => {
    // Migrate a file as it was up to 0016 and write rows the way that code did.
    const folder = path.join(t.dir, "migrations");
    fs.cpSync(path.join(process.cwd(), "db", "migrations"), folder, { recursive: true });
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < "0017");
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const old = new BetterSqlite(t.file);
    migrate(drizzle(old), { migrationsFolder: folder });
    old.exec(`insert into services (slug, name, created_at, updated_at) values ('api', 'api', 0, 0)`);
    old.exec(`insert into incidents (service_id, title, severity, status, started_at, summary, postmortem, source, created_at, updated_at)
              values (1, 'a', 'SEV2', 'investigating', 0, 'old *summary*', '- [ ] follow up', 'test', 0, 0), (1, 'b', 'SEV3', 'investigating', 0, null, null, 'test', 0, 0)`);
    old.exec(`insert into incident_updates (incident_id, kind, body, created_at) values (1, 'note', 'old \`note\`', 0), (1, 'status', null, 0)`);
    old.close();

    const { db } = openDatabase(t.file);
    try {
      expect(await findIncidentById(db.read, 1)).toMatchObject({ summary: "old *summary*", summaryHtml: null });
      expect(await renderMissingHtml(db)).toBe(2);
      expect(await findIncidentById(db.read, 1)).toMatchObject({ summaryHtml: "<p>old <em>summary</em></p>\n", postmortemHtml: expect.stringContaining('<input type="checkbox" disabled />') });
      expect(await findIncidentById(db.read, 2)).toMatchObject({ summaryHtml: null, postmortemHtml: null });
      expect((await db.read.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, 1))).map((u) => u.bodyHtml)).toEqual(["<p>old <code>note</code></p>\n", null]);
      expect(await renderMissingHtml(db)).toBe(0);
    } finally {
      await db.close();
    }
  });
});
