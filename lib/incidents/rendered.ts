import type { Database } from "@/db/database";
import { incidentsWithoutHtml, setIncidentHtml, setIncidentUpdateHtml, updatesWithoutHtml } from "@/db/queries/incidents";
import type { Incident } from "@/db/schema";
import { renderMarkdown } from "@/lib/markdown";

/*
 * Incident Markdown (summary, postmortem, update bodies) is rendered once, when it is written, and
 * stored beside its source (migration 0017): a view only reads HTML, so no request renders Markdown
 * and however often an incident is viewed its text costs nothing more. Chosen over a cache keyed
 * by a hash of the text: a cache is empty after every restart and in every other process, so the
 * first views would still render, and it needs its own bound on memory. The HTML is derived: to
 * change how Markdown renders, a migration sets the *_html columns to NULL and the backfill below
 * renders them again.
 */

/** The stored HTML of a Markdown field: null exactly when the field is. */
export const renderedFor = (markdown: string | null): string | null => (markdown === null ? null : renderMarkdown(markdown));

/** The HTML columns that go with the Markdown fields present in `changes`. */
export function renderedChanges(changes: { summary?: string | null; postmortem?: string | null }): Partial<Pick<Incident, "summaryHtml" | "postmortemHtml">> {
  return {
    ...(changes.summary !== undefined ? { summaryHtml: renderedFor(changes.summary) } : {}),
    ...(changes.postmortem !== undefined ? { postmortemHtml: renderedFor(changes.postmortem) } : {}),
  };
}

/** An incident as the audit log keeps it: its text, not the HTML derived from it. */
export function auditedIncident({ summaryHtml: _summaryHtml, postmortemHtml: _postmortemHtml, ...incident }: Incident) {
  return incident;
}

/** HTML to show for a Markdown field: the stored one, or for a row not yet backfilled, rendered now. */
export const htmlFor = (markdown: string | null, stored: string | null): string | null => (markdown ? (stored ?? renderMarkdown(markdown)) : null);

const BATCH = 100;

/**
 * Renders the Markdown of rows written before the HTML was stored (or since cleared), a batch per
 * transaction so the writer is never held long; `npm start` and `migrate` run it. Returns how many
 * rows it rendered.
 */
export async function renderMissingHtml(db: Database): Promise<number> {
  let rendered = 0;
  for (let after = 0; ; ) {
    const rows = await incidentsWithoutHtml(db.read, after, BATCH);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows) await setIncidentHtml(tx, r.id, { summaryHtml: renderedFor(r.summary), postmortemHtml: renderedFor(r.postmortem) });
    });
    rendered += rows.length;
    after = rows.at(-1)!.id;
  }
  for (let after = 0; ; ) {
    const rows = await updatesWithoutHtml(db.read, after, BATCH);
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of rows) await setIncidentUpdateHtml(tx, r.id, renderedFor(r.body));
    });
    rendered += rows.length;
    after = rows.at(-1)!.id;
  }
  return rendered;
}
