import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Integration } from "@/db/schema";
import { webhookPath } from "@/lib/webhooks/integrations";
import { Badge } from "@/components/ui/badge";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateIntegrationForm } from "./create-integration-form";

export function IntegrationsSection({ integrations, baseUrl }: { integrations: Integration[]; baseUrl: string }) {
  const t = useTranslations("Integrations");
  const statusWord = useTranslations("Terms.nouns")("status");
  return (
    <section aria-labelledby="integrations-heading" className="space-y-4">
      <h2 id="integrations-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {integrations.length === 0 ? (
        <p className="text-sm">{t("none")}</p>
      ) : (
        <TableScroll label={t("table")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("webhookUrl")}</th>
                <th scope="col">{statusWord}</th>
              </tr>
            </thead>
            <tbody>
              {integrations.map((i) => (
                <tr key={i.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/settings/integrations/${i.id}`} className="text-accent hover:underline" translate="no">
                      {i.name}
                    </Link>
                  </th>
                  <td>{t(`sources.${i.source}`)}</td>
                  <td className="font-mono text-xs" translate="no">{baseUrl + webhookPath(i)}</td>
                  <td>{i.disabledAt ? <Badge tone="danger">{t("disabled")}</Badge> : <Badge tone="success">{t("active")}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="text-base font-semibold">{t("add")}</h3>
      <CreateIntegrationForm baseUrl={baseUrl} />
    </section>
  );
}
