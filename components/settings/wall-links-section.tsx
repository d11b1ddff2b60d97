import { useTranslations } from "next-intl";
import type { WallLink } from "@/db/schema";
import { removeWallLink } from "@/app/_actions/wall-links";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locales";
import { linkViews } from "@/lib/wall/links";
import { DEFAULT_ROTATE_SECONDS } from "@/lib/wall/limits";
import { LocalTime } from "@/components/ui/local-time";
import { CreateWallLinkForm } from "./create-wall-link-form";
import { RevocableList } from "./revocable-list";
import { richTags } from "@/components/i18n/rich";

/** A fixed language is named in itself, as the language picker names it; none follows each viewer's browser. */
function LinkLanguage({ locale }: { locale: string | null }) {
  const t = useTranslations("SettingsWallLinks");
  if (!isLocale(locale)) return <span className="text-muted">{t("followsViewer")}</span>;
  return (
    <span lang={locale} translate="no">
      {LOCALE_NAMES[locale]}
    </span>
  );
}

export function WallLinksSection({ links, teams, services }: { links: WallLink[]; teams: string[]; services: { slug: string; name: string }[] }) {
  const t = useTranslations("SettingsWallLinks");
  return (
    <section aria-labelledby="wall-links-heading" className="space-y-4">
      <h2 id="wall-links-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {links.length ? (
        <RevocableList
          label={t("tableLabel")}
          items={links}
          action={removeWallLink}
          columns={[
            {
              header: t("views"),
              cell: (link) => {
                const views = linkViews(link);
                return (
                  <>
                    <span translate="no">{views.map((v) => v.name).join(", ")}</span>
                    {views.length > 1 ? <span className="text-muted">{t("rotation", { seconds: link.rotateSeconds ?? DEFAULT_ROTATE_SECONDS })}</span> : null}
                  </>
                );
              },
            },
            { header: t("language"), cell: (link) => <LinkLanguage locale={link.locale} /> },
            { header: t("expires"), cell: (link) => (link.expiresAt ? <LocalTime iso={link.expiresAt.toISOString()} /> : t("neverExpires")) },
          ]}
          revoke={(link) => ({
            trigger: t.rich("revoke.trigger", { ...richTags, name: link.name }),
            title: t.rich("revoke.title", { ...richTags, name: link.name }),
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
      <CreateWallLinkForm teams={teams} services={services} />
    </section>
  );
}
