import { createAuth } from "@/lib/auth/auth";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getOrCreateSecret } from "@/db/queries/settings";
import { newUserSchema } from "@/lib/users/schema";
import { createUserAccount } from "@/lib/users/users";
import { UsageError, type CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";

const USAGE = "user add --email E --name N --role viewer|engineer|approver|admin --password P";

export async function userCommand(args: string[], io: CliIo) {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(`unknown user command ${sub ?? "(none)"} (usage: ${USAGE})`);
  const values = parseOptions(
    rest,
    { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
    newUserSchema,
    USAGE,
  );
  await withDatabase(io, async ({ db }, config) => {
    const auth = createAuth(db, { secret: await getOrCreateSecret(db, config.secret), publicUrl: config.publicUrl, port: config.port });
    const created = await createUserAccount(auth, db, CLI_ACTOR, values);
    io.out(`Created ${created.role} ${created.name} <${created.email}>.`);
  });
}
