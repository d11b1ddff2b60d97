import { useTranslations } from "next-intl";
import type { CalendarFeed } from "@/db/schema";
import { removeCalendarFeed } from "@/app/_actions/calendar-feeds";
import { LocalTime } from "@/components/ui/local-time";
import { CreateCalendarFeedForm } from "./create-calendar-feed-form";
import { RevocableList } from "./revocable-list";
import { richTags } from "@/components/i18n/rich";

export function CalendarFeedsSection({ feeds, teams, baseUrl }: { feeds: CalendarFeed[]; teams: string[]; baseUrl: string }) {
  const t = useTranslations("SettingsCalendarFeeds");
  return (
    <section aria-labelledby="calendar-feeds-heading" className="space-y-4">
      <h2 id="calendar-feeds-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {feeds.length ? (
        <RevocableList
          label={t("tableLabel")}
          items={feeds}
          action={removeCalendarFeed}
          columns={[
            { header: t("team"), cell: (feed) => (feed.team ? <span translate="no">{feed.team}</span> : t("allTeams")) },
            { header: t("created"), cell: (feed) => <LocalTime iso={feed.createdAt.toISOString()} /> },
          ]}
          revoke={(feed) => ({
            trigger: t.rich("revoke.trigger", { ...richTags, name: feed.name }),
            title: t.rich("revoke.title", { ...richTags, name: feed.name }),
            confirm: t("revoke.confirm"),
            body: (
              <>
                <p>{t("revoke.effect")}</p>
                <p>{t("revoke.final")}</p>
              </>
            ),
          })}
        />
      ) : null}
      <CreateCalendarFeedForm teams={teams} baseUrl={baseUrl} />
    </section>
  );
}
