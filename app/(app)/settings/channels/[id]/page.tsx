import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { findChannel, listAttempts } from "@/db/queries/notifications";
import { sendTestAction, setChannelEnabledAction, setChannelLocaleAction } from "@/app/_actions/notifications";
import { requirePageUser } from "@/app/_http/session";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { shownTarget } from "@/lib/notifications/targets";
import { localeOr } from "@/lib/notifications/text";
import { ChannelStatus } from "@/components/settings/channels-section";
import { ChannelLog } from "@/components/settings/delivery-log";
import { EVENT_NAMES } from "@/components/settings/event-names";
import { richTags } from "@/components/i18n/rich";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { recordIdOf } from "@/lib/whole-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Channels"))("pageTitle") };
}

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("manage");
  const { id } = await params;
  const db = getDatabase();
  const recordNumber = recordIdOf(id);
  const channel = recordNumber === undefined ? undefined : await findChannel(db.read, recordNumber);
  if (!channel) notFound();
  const t = await getTranslations("Channels");
  const events = channel.events ? channel.events.map((e) => t(`eventNames.${EVENT_NAMES[e]}`)).join(t("listSeparator")) : t("everyEvent");
  const kind = t(`kinds.${channel.kind}`);
  return (
    <>
      <PageHeader
        title={<span translate="no">{channel.name}</span>}
        description={channel.team ? t.rich("descriptionWithTeam", { ...richTags, kind, events, team: channel.team }) : t("description", { kind, events })}
      />
      <div className="space-y-8">
        <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("target")}</dt>
          <dd className="font-mono text-xs break-all" translate="no">
            {shownTarget(channel.kind, channel.target)}
          </dd>
          <dt className="font-medium">{(await getTranslations("Terms.nouns"))("status")}</dt>
          <dd>
            <ChannelStatus channel={channel} />
          </dd>
        </dl>
        {channel.disabledReason ? (
          // Written by the worker when the receiver went away, with the time it did: kept as written.
          <p role="alert" className="rounded-md border border-danger bg-danger-soft p-3 text-sm" translate="no">
            {channel.disabledReason}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-4">
          <InlineActionForm action={sendTestAction} hidden={{ id: String(channel.id) }} label={t("sendTestLabel")}>
            <button type="submit" className={buttonClass.secondary}>
              {t("sendTest")}
            </button>
          </InlineActionForm>
          <InlineActionForm action={setChannelEnabledAction} hidden={{ id: String(channel.id), enabled: String(Boolean(channel.disabledAt)) }} label={t("enableLabel")}>
            <button type="submit" className={channel.disabledAt ? buttonClass.secondary : buttonClass.danger}>
              {channel.disabledAt ? t("enable") : t("disable")}
            </button>
          </InlineActionForm>
        </div>
        {channel.kind === "webhook" ? null : (
          <InlineActionForm action={setChannelLocaleAction} hidden={{ id: String(channel.id) }} label={t("languageForm")}>
            <label htmlFor="channel-locale" className="text-sm font-medium">
              {t("language")}
            </label>
            <select id="channel-locale" name="locale" defaultValue={localeOr(channel.locale)} aria-describedby="channel-locale-hint" className={`${inputClass} w-auto`}>
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l} translate="no">
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
            <button type="submit" className={buttonClass.secondary}>
              {t("saveLanguage")}
            </button>
            <p id="channel-locale-hint" className="w-full text-xs text-muted">
              {t("languageHint")}
            </p>
          </InlineActionForm>
        )}
        <section aria-labelledby="delivery-log">
          <h2 id="delivery-log" className="mb-3 text-lg font-semibold">
            {t("log")}
          </h2>
          <ChannelLog attempts={await listAttempts(db.read, channel.id)} />
        </section>
        <Link href="/settings" className="text-sm text-accent underline">
          {t("back")}
        </Link>
      </div>
    </>
  );
}
