/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { findChannel, listAttempts } from "@/db/queries/notifications";
import { sendTestAction, setChannelEnabledAction } from "@/app/_actions/notifications";
import { requirePageUser } from "@/app/_http/session";
import { shownTarget } from "@/lib/notifications/targets";
import { ChannelLog } from "@/components/settings/channel-log";
import { ChannelStatus } from "@/components/settings/channels-section";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Notification channel" };

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("manage");
  const { id } = await params;
  const db = getDatabase();
  const channel = /^\d+$/.test(id) ? await findChannel(db.read, Number(id)) : undefined;
  if (!channel) notFound();
  return (
    <>
      <PageHeader title={channel.name} description={`${channel.kind} channel · ${channel.events ? channel.events.join(", ") : "every event"}${channel.team ? ` · team ${channel.team}` : ""}`} />
      <div className="space-y-8">
        <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Target</dt>
          <dd className="font-mono text-xs break-all">{shownTarget(channel.kind, channel.target)}</dd>
          <dt className="font-medium">Status</dt>
          <dd>
            <ChannelStatus channel={channel} />
          </dd>
        </dl>
        {channel.disabledReason ? (
          <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm">
            {channel.disabledReason}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-4">
          <InlineActionForm action={sendTestAction} hidden={{ id: String(channel.id) }} label="Send a test message">
            <button type="submit" className={buttonClass.secondary}>
              Send test message
            </button>
          </InlineActionForm>
          <InlineActionForm action={setChannelEnabledAction} hidden={{ id: String(channel.id), enabled: String(Boolean(channel.disabledAt)) }} label="Enable or disable">
            <button type="submit" className={channel.disabledAt ? buttonClass.secondary : buttonClass.danger}>
              {channel.disabledAt ? "Enable" : "Disable"} channel
            </button>
          </InlineActionForm>
        </div>
        <section aria-labelledby="delivery-log">
          <h2 id="delivery-log" className="mb-3 text-lg font-semibold">
            Delivery log
          </h2>
          <ChannelLog attempts={await listAttempts(db.read, channel.id)} />
        </section>
        <Link href="/settings" className="text-sm text-accent underline">
          Back to Settings
        </Link>
      </div>
    </>
  );
}
