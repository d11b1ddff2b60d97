import { useTranslations } from "next-intl";
import { removeTemplateAction } from "@/app/_actions/changes";
import type { CHANGE_RISKS } from "@/db/schema";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateTemplateForm } from "./create-template-form";
import { richTags } from "@/components/i18n/rich";

export type CatalogEntry = { id: number; title: string; serviceName: string | null; team: string | null; maxRisk: (typeof CHANGE_RISKS)[number]; description: string | null };

export function ChangeCatalogSection({ templates, services }: { templates: CatalogEntry[]; services: { slug: string; name: string }[] }) {
  const t = useTranslations("SettingsCatalog");
  const risk = useTranslations("Terms.risk");
  return (
    <section aria-labelledby="catalog-heading" className="space-y-4">
      <h2 id="catalog-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {templates.length ? (
        <TableScroll label={t("tableLabel")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("title")}</th>
                <th scope="col">{t("covers")}</th>
                <th scope="col">{t("riskUpTo")}</th>
                <th scope="col">{t("description")}</th>
                <th scope="col">{t("remove")}</th>
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <tr key={template.id}>
                  <th scope="row" className="font-medium" translate="no">
                    {template.title}
                  </th>
                  <td>{template.serviceName ? <span translate="no">{template.serviceName}</span> : template.team ? t.rich("teamCovers", { ...richTags, team: template.team }) : t("everyService")}</td>
                  <td>{risk(template.maxRisk)}</td>
                  <td>{template.description ? <span translate="no">{template.description}</span> : "—"}</td>
                  <td>
                    <InlineActionForm action={removeTemplateAction} hidden={{ id: String(template.id) }} labelledBy={`remove-template-${template.id}`}>
                      <button id={`remove-template-${template.id}`} type="submit" className={buttonClass.danger}>
                        {t.rich("removeButton", { ...richTags, title: template.title })}
                      </button>
                    </InlineActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="text-sm">{t("empty")}</p>
      )}
      <CreateTemplateForm services={services} />
    </section>
  );
}
