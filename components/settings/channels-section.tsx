import Link from "next/link";
import { useTranslations } from "next-intl";
import type { NotificationChannel } from "@/db/schema";
import { deleteChannelAction } from "@/app/_actions/notifications";
import { shownTarget } from "@/lib/notifications/targets";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateChannelForm } from "./create-channel-form";
import { EVENT_NAMES } from "./event-names";
import { richTags } from "@/components/i18n/rich";

export function ChannelStatus({ channel }: { channel: NotificationChannel }) {
  const t = useTranslations("Channels");
  if (!channel.disabledAt) return <Badge tone="success">{t("active")}</Badge>;
  return <Badge tone="danger">{channel.disabledReason ? t("stopped") : t("disabled")}</Badge>;
}

export function ChannelsSection({ channels, teams }: { channels: NotificationChannel[]; teams: string[] }) {
  const t = useTranslations("Channels");
  const statusWord = useTranslations("Terms.nouns")("status");
  return (
    <section aria-labelledby="channels-heading" className="space-y-4">
      <h2 id="channels-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {channels.length === 0 ? (
        <p className="text-sm">{t("none")}</p>
      ) : (
        <TableScroll label={t("title")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("events")}</th>
                <th scope="col">{statusWord}</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => {
                const events = c.events ? c.events.map((e) => t(`eventNames.${EVENT_NAMES[e]}`)).join(t("listSeparator")) : t("allEvents");
                return (
                  <tr key={c.id}>
                    <th scope="row" className="font-medium">
                      <Link href={`/settings/channels/${c.id}`} className="text-accent hover:underline" translate="no">
                        {c.name}
                      </Link>
                    </th>
                    <td>{t(`kinds.${c.kind}`)}</td>
                    <td className="font-mono text-xs break-all" translate="no">
                      {shownTarget(c.kind, c.target)}
                    </td>
                    <td className="text-xs">{c.team ? t.rich("scopeWithTeam", { ...richTags, events, team: c.team }) : events}</td>
                    <td>
                      <div className="flex flex-wrap items-center gap-2">
                        <ChannelStatus channel={c} />
                        <ConfirmActionForm
                          action={deleteChannelAction}
                          hidden={{ id: String(c.id) }}
                          trigger={t.rich("deleteTrigger", { ...richTags, name: c.name })}
                          title={t.rich("deleteTitle", { ...richTags, name: c.name })}
                          confirm={t("deleteConfirm")}
                        >
                          <p>{t("deleteWhat")}</p>
                          <p>{t("deleteUndo")}</p>
                        </ConfirmActionForm>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="text-base font-semibold">{t("add")}</h3>
      <CreateChannelForm teams={teams} />
    </section>
  );
}
