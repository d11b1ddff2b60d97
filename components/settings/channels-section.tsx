/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { NotificationChannel } from "@/db/schema";
import { deleteChannelAction } from "@/app/_actions/notifications";
import { shownTarget } from "@/lib/notifications/targets";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateChannelForm } from "./create-channel-form";

export function ChannelStatus({ channel }: { channel: NotificationChannel }) {
  if (!channel.disabledAt) return <Badge tone="success">active</Badge>;
  return <Badge tone="danger">{channel.disabledReason ? "stopped: receiver gone" : "disabled"}</Badge>;
}

export function ChannelsSection({ channels, teams }: { channels: NotificationChannel[]; teams: string[] }) {
  return (
    <section aria-labelledby="channels-heading" className="space-y-4">
      <h2 id="channels-heading" className="text-lg font-semibold">
        Notification channels
      </h2>
      <p className="text-sm text-muted">
        Where Tandem tells people what happened: webhooks, Slack, Teams and email. Each message is stored with the change that caused it and retried for a day
        until the receiver takes it. Open a channel for its delivery log and to send a test message.
      </p>
      {channels.length === 0 ? (
        <p className="text-sm">No channels yet.</p>
      ) : (
        <TableScroll label="Notification channels">
          <table className={tableClass}>
            <caption className="sr-only">Notification channels</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Target</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/settings/channels/${c.id}`} className="text-accent hover:underline">
                      {c.name}
                    </Link>
                  </th>
                  <td>{c.kind}</td>
                  <td className="font-mono text-xs break-all">{shownTarget(c.kind, c.target)}</td>
                  <td className="text-xs">
                    {c.events ? c.events.join(", ") : "all"}
                    {c.team ? ` · team ${c.team}` : ""}
                  </td>
                  <td>
                    <div className="flex flex-wrap items-center gap-2">
                      <ChannelStatus channel={c} />
                      <ConfirmActionForm
                        action={deleteChannelAction}
                        hidden={{ id: String(c.id) }}
                        label={`Delete ${c.name}`}
                        trigger={
                          <>
                            Delete<span className="sr-only"> channel {c.name}</span>
                          </>
                        }
                        title={`Delete the channel “${c.name}”?`}
                        confirm="Delete channel"
                      >
                        <p>Tandem stops sending to it at once; messages still waiting for it and its delivery log are deleted.</p>
                        <p>This cannot be undone. To pause it instead, open it and disable it.</p>
                      </ConfirmActionForm>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="text-base font-semibold">Add a channel</h3>
      <CreateChannelForm teams={teams} />
    </section>
  );
}
