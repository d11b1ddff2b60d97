import { createApiToken } from "@/lib/auth/tokens";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { newTokenSchema } from "@/lib/tokens/schema";
import { UsageError, type CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";

const USAGE = "token create --name N --role ingest|read|admin";

export async function tokenCommand(args: string[], io: CliIo) {
  const [sub, ...rest] = args;
  if (sub !== "create") throw new UsageError(`unknown token command ${sub ?? "(none)"} (usage: ${USAGE})`);
  const values = parseOptions(rest, { name: { type: "string" }, role: { type: "string" } }, newTokenSchema, USAGE);
  await withDatabase(io, async ({ db }) => {
    const { token, record } = await createApiToken(db, CLI_ACTOR, values);
    io.out(`Created ${record.role} token "${record.name}". Keep it now: it is not shown again.`);
    io.out(token);
  });
}
