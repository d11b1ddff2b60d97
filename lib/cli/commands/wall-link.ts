import { CLI_ACTOR } from "@/lib/auth/actor";
import { createWallLink } from "@/lib/wall/links";
import { newWallLinkSchema } from "@/lib/wall/schema";
import { UsageError, type CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";

const USAGE = "wall-link create --name N [--team T] [--expires ISO]";

export async function wallLinkCommand(args: string[], io: CliIo) {
  const [sub, ...rest] = args;
  if (sub !== "create") throw new UsageError(`unknown wall-link command ${sub ?? "(none)"} (usage: ${USAGE})`);
  const { values } = parseOptions(rest, { name: { type: "string" }, team: { type: "string" }, expires: { type: "string" } }, newWallLinkSchema, USAGE);
  await withDatabase(io, ({ db }) => {
    const { link, path } = createWallLink(db, CLI_ACTOR, { name: values.name, team: values.team, expiresAt: values.expires });
    io.out(`Created wall link "${link.name}"${link.team ? ` for team ${link.team}` : ""}${link.expiresAt ? `, valid until ${link.expiresAt.toISOString()}` : ""}. Open this path on the TV (after your Tandem URL):`);
    io.out(path);
  });
}
