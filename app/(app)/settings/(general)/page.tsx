import Link from "next/link";
import type { Metadata } from "next";
import { getDatabase } from "@/db/client";
import { listApiTokens } from "@/db/queries/tokens";
import { listUsers } from "@/db/queries/users";
import { listIntegrations } from "@/db/queries/integrations";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { publicBaseUrl } from "@/lib/url";
import { IntegrationsSection } from "@/components/settings/integrations-section";
import { WallLinksSection } from "@/components/settings/wall-links-section";
import { CalendarFeedsSection } from "@/components/settings/calendar-feeds-section";
import { listCalendarFeeds } from "@/db/queries/calendar-feeds";
import { listWallLinks } from "@/db/queries/wall";
import { listFilterOptions } from "@/db/queries/services";
import { listTeams } from "@/db/queries/teams";
import { TeamsSection } from "@/components/teams/teams-section";
import { requirePageUser } from "@/app/_http/session";
import { TokensSection } from "@/components/settings/tokens-section";
import { UsersSection } from "@/components/settings/users-section";
import { PageHeader } from "@/components/ui/page-header";
import { DataHealthLink } from "@/components/data-health/data-health-link";
import { ChannelsSection } from "@/components/settings/channels-section";
import { listChannels } from "@/db/queries/notifications";
import { ChangeCatalogSection } from "@/components/settings/change-catalog-section";
import { listTemplates } from "@/db/queries/changes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SettingsPage"))("title") };
}

export default async function SettingsPage() {
  const user = await requirePageUser("manage");
  const db = getDatabase();
  const t = await getTranslations("SettingsPage");
  const { teams, services } = await listFilterOptions(db.read);
  const baseUrl = publicBaseUrl(await headers());
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/settings/audit" className="text-sm text-accent underline">
            {t("auditLog")}
          </Link>
        }
      />
      <DataHealthLink />
      <div className="space-y-10">
        <UsersSection users={await listUsers(db.read)} currentUserId={user.id} />
        <TeamsSection teams={await listTeams(db.read)} />
        <TokensSection tokens={await listApiTokens(db.read)} />
        <IntegrationsSection integrations={await listIntegrations(db.read)} baseUrl={baseUrl} />
        <ChannelsSection channels={await listChannels(db.read)} teams={teams} />
        <ChangeCatalogSection templates={await listTemplates(db.read)} services={services} />
        <WallLinksSection links={await listWallLinks(db.read)} teams={teams} services={services} />
        <CalendarFeedsSection feeds={await listCalendarFeeds(db.read)} teams={teams} baseUrl={baseUrl} />
      </div>
    </>
  );
}
