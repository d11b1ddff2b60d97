import Form from "next/form";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Params = { actor?: string; entity?: string; action?: string; from?: string; to?: string };

/** A GET form: the filters live in the URL, so a view of the log can be shared with an auditor. */
export function AuditFilters({ params, entityTypes }: { params: Params; entityTypes: string[] }) {
  const t = useTranslations("AuditLog");
  const entities = useTranslations("AuditLog.entities");
  const input = (name: keyof Params, label: string, type = "text") => (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <input id={`audit-${name}`} name={name} type={type} defaultValue={params[name] ?? ""} className={`${inputClass} mt-1 w-44`} />
    </div>
  );
  return (
    <Form action="/settings/audit" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("filters")}>
      {input("actor", t("actor"))}
      <div>
        <label htmlFor="audit-entity" className="block text-xs font-medium text-muted">
          {t("entity")}
        </label>
        <select id="audit-entity" name="entity" defaultValue={params.entity ?? ""} className={`${inputClass} mt-1 w-44`}>
          <option value="">{t("all")}</option>
          {entityTypes.map((type) =>
            entities.has(type as never) ? (
              <option key={type} value={type}>
                {entities(type as never)}
              </option>
            ) : (
              <option key={type} value={type} translate="no">
                {type}
              </option>
            ),
          )}
        </select>
      </div>
      {input("action", t("actionStartsWith"))}
      {input("from", t("from"), "date")}
      {input("to", t("to"), "date")}
      <button type="submit" className={buttonClass.secondary}>
        {useTranslations("Terms.actions")("filter")}
      </button>
    </Form>
  );
}
