import { CLI_ACTOR } from "@/lib/auth/actor";
import { channelKey, createChannel } from "@/lib/notifications/channels";
import { newChannelSchema } from "@/lib/notifications/schema";
import { shownTarget } from "@/lib/notifications/targets";
import { UsageError, type CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";

const USAGE = "channel add --kind webhook|slack|teams|email --name N --target URL_OR_ADDRESS [--events a,b,...] [--team T]";

export async function channelCommand(args: string[], io: CliIo) {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new UsageError(`unknown channel command ${sub ?? "(none)"} (usage: ${USAGE})`);
  const values = parseOptions(
    rest,
    { kind: { type: "string" }, name: { type: "string" }, target: { type: "string" }, events: { type: "string" }, team: { type: "string" } },
    newChannelSchema,
    USAGE,
  );
  await withDatabase(io, async ({ db }, config) => {
    const { channel, secret } = await createChannel(db, CLI_ACTOR, await channelKey(db, config.secret), values, config.smtp !== undefined);
    const scope = `${channel.events ? channel.events.join(", ") : "every event"}${channel.team ? ` of team ${channel.team}` : ""}`;
    io.out(`Created ${channel.kind} channel "${channel.name}" (#${channel.id}) to ${shownTarget(channel.kind, channel.target)} for ${scope}.`);
    if (secret) {
      io.out("Its receiver verifies the Standard Webhooks signature with this secret (shown once):");
      io.out(secret);
    }
  });
}
