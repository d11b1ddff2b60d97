/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import { removeTemplateAction } from "@/app/_actions/changes";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { buttonClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateTemplateForm } from "./create-template-form";

export type CatalogEntry = { id: number; title: string; serviceName: string | null; team: string | null; maxRisk: string; description: string | null };

export function ChangeCatalogSection({ templates, services }: { templates: CatalogEntry[]; services: { slug: string; name: string }[] }) {
  return (
    <section aria-labelledby="catalog-heading" className="space-y-4">
      <h2 id="catalog-heading" className="text-lg font-semibold">
        Standard change catalog
      </h2>
      <p className="text-sm text-muted">
        Routine changes approved in advance. A standard change must be filed from one of these, for its service (or a service of its team) and at no more than its risk; it is then
        approved on submission. Anything else is filed as a normal change.
      </p>
      {templates.length ? (
        <TableScroll label="Standard change catalog">
          <table className={tableClass}>
            <caption className="sr-only">Standard change templates</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Covers</th>
                <th scope="col">Risk up to</th>
                <th scope="col">Description</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {templates.map((t) => (
                <tr key={t.id}>
                  <th scope="row" className="font-medium">
                    {t.title}
                  </th>
                  <td>{t.serviceName ?? (t.team ? `team ${t.team}` : "every service")}</td>
                  <td>{t.maxRisk}</td>
                  <td>{t.description ?? "—"}</td>
                  <td>
                    <InlineActionForm action={removeTemplateAction} hidden={{ id: String(t.id) }} label={`Remove ${t.title}`}>
                      <button type="submit" className={buttonClass.danger}>
                        Remove<span className="sr-only"> {t.title}</span>
                      </button>
                    </InlineActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="text-sm">The catalog is empty: every change needs approval.</p>
      )}
      <CreateTemplateForm services={services} />
    </section>
  );
}
