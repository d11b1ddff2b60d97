import { useTranslations } from "next-intl";
import type { PublicToken } from "@/db/queries/tokens";
import { revokeToken } from "@/app/_actions/tokens";
import { LocalTime } from "@/components/ui/local-time";
import { CreateTokenForm } from "./create-token-form";
import { RevocableList } from "./revocable-list";
import { richTags } from "@/components/i18n/rich";

export function TokensSection({ tokens }: { tokens: PublicToken[] }) {
  const t = useTranslations("SettingsTokens");
  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <h2 id="tokens-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t.rich("intro", { ...richTags, header: "Authorization: Bearer <token>" })}</p>
      {tokens.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <RevocableList
          label={t("tableLabel")}
          nameCell="cell"
          items={tokens}
          action={revokeToken}
          columns={[
            { header: t("role"), cell: (token) => t(`roles.${token.role}`) },
            { header: t("prefix"), className: "font-mono text-xs", cell: (token) => <span translate="no">{token.prefix}…</span> },
            { header: t("created"), className: "whitespace-nowrap", cell: (token) => <LocalTime iso={token.createdAt.toISOString()} /> },
            { header: t("lastUsed"), className: "whitespace-nowrap", cell: (token) => (token.lastUsedAt ? <LocalTime iso={token.lastUsedAt.toISOString()} /> : t("neverUsed")) },
          ]}
          revoke={(token) => ({
            trigger: t.rich("revoke.trigger", { ...richTags, name: token.name }),
            title: t.rich("revoke.title", { ...richTags, name: token.name }),
            confirm: t("revoke.confirm"),
            body: (
              <>
                <p>{t.rich("revoke.effect", { ...richTags, role: t(`roles.${token.role}`), prefix: token.prefix })}</p>
                <p>{t("revoke.final")}</p>
              </>
            ),
          })}
        />
      )}
      <h3 className="text-base font-semibold">{t("createHeading")}</h3>
      <CreateTokenForm />
    </section>
  );
}
