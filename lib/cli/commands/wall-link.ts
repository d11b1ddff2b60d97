import { z } from "zod";
import type { Database } from "@/db/database";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createWallLink } from "@/lib/wall/links";
import { newWallLinkSchema, parseViewOption, type NewWallLink } from "@/lib/wall/schema";
import { UsageError, type CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";

const USAGE = 'wall-link create --name N [--team T] [--services a,b] [--expires ISO] [--view "NAME;team=T;services=a,b;panels=incidents" …] [--rotate SECONDS] [--locale en|zh-CN]';

type Raw = { name?: string; team?: string; services?: string; expires?: string; rotate?: string; locale?: string; view?: string[] };

/** `--team`/`--services` make a one-view wall; each `--view` adds a view the wall rotates through. */
const cliSchema = z.preprocess((input, ctx) => {
  const raw = input as Raw;
  if (raw.view?.length && (raw.team || raw.services)) {
    ctx.addIssue({ code: "custom", path: ["team"], message: "goes inside each --view when there are several views", input });
    return z.NEVER;
  }
  const views = (raw.view ?? []).map((spec, i) => {
    const parsed = parseViewOption(spec);
    if ("problem" in parsed) ctx.addIssue({ code: "custom", path: ["views", i], message: parsed.problem, input });
    return "view" in parsed ? parsed.view : {};
  });
  return { name: raw.name, expires: raw.expires, rotate: raw.rotate, locale: raw.locale, views: views.length ? views : [{ team: raw.team ?? "", services: raw.services ?? "" }] };
}, newWallLinkSchema);

function flagOf(field: string, usedViews: boolean): string {
  const match = /^views\.(\d+)(?:\.(\w+))?/.exec(field);
  if (!match) return `--${field}`;
  return usedViews ? `--view ${Number(match[1]) + 1}${match[2] ? ` (${match[2]})` : ""}` : `--${match[2] ?? "view"}`;
}

/** The same check as the Settings form, blaming the flag rather than the form field. */
async function createLink(db: Database, values: NewWallLink, usedViews: boolean) {
  try {
    return await createWallLink(db, CLI_ACTOR, values);
  } catch (e) {
    const [field, problem] = e instanceof AppError && e.fields ? (Object.entries(e.fields)[0] ?? []) : [];
    if (field && problem) throw new UsageError(`${flagOf(field, usedViews)}: ${problem}`);
    throw e;
  }
}

export async function wallLinkCommand(args: string[], io: CliIo) {
  const [sub, ...rest] = args;
  if (sub !== "create") throw new UsageError(`unknown wall-link command ${sub ?? "(none)"} (usage: ${USAGE})`);
  const usedViews = rest.includes("--view");
  const options = { name: { type: "string" }, team: { type: "string" }, services: { type: "string" }, expires: { type: "string" }, rotate: { type: "string" }, locale: { type: "string" }, view: { type: "string", multiple: true } } as const;
  const values = parseOptions(rest, options, cliSchema, USAGE, (field) => flagOf(field, usedViews));
  await withDatabase(io, async ({ db }) => {
    const { link, path } = await createLink(db, values, usedViews);
    const views = values.views.map((v) => v.name).join(", ");
    io.out(`Created wall link "${link.name}" (${values.views.length > 1 ? `views ${views}, every ${values.rotate} s` : views})${link.expiresAt ? `, valid until ${link.expiresAt.toISOString()}` : ""}. Open this path on the TV (after your Tandem URL):`);
    io.out(path);
  });
}
