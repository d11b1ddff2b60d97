import { CLI_ACTOR } from "@/lib/auth/actor";
import { createIntegration, integrationKey } from "@/lib/webhooks/integrations";
import { newIntegrationSchema } from "@/lib/webhooks/integration-schema";
import { UsageError, type CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";

const USAGE = "integration add --source github|gitlab|pagerduty|opsgenie|alertmanager|cdevents --name N [--secret X]";

export async function integrationCommand(args: string[], io: CliIo) {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(`unknown integration command ${sub ?? "(none)"} (usage: ${USAGE})`);
  const values = parseOptions(rest, { source: { type: "string" }, name: { type: "string" }, secret: { type: "string" } }, newIntegrationSchema, USAGE);
  await withDatabase(io, async ({ db }, config) => {
    const { integration, secret, path } = await createIntegration(db, CLI_ACTOR, await integrationKey(db, config.secret), values);
    io.out(`Created ${integration.source} integration "${integration.name}". Point its webhook at:`);
    io.out(path);
    io.out(secret);
  });
}
