/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Form from "next/form";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Params = { actor?: string; entity?: string; action?: string; from?: string; to?: string };

/** A GET form: the filters live in the URL, so a view of the log can be shared with an auditor. */
export function AuditFilters({ params, entityTypes }: { params: Params; entityTypes: string[] }) {
  const input = (name: keyof Params, label: string, type = "text") => (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <input id={`audit-${name}`} name={name} type={type} defaultValue={params[name] ?? ""} className={`${inputClass} mt-1 w-44`} />
    </div>
  );
  return (
    <Form action="/settings/audit" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Audit filters">
      {input("actor", "Actor")}
      <div>
        <label htmlFor="audit-entity" className="block text-xs font-medium text-muted">
          Entity
        </label>
        <select id="audit-entity" name="entity" defaultValue={params.entity ?? ""} className={`${inputClass} mt-1 w-44`}>
          <option value="">All</option>
          {entityTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      {input("action", "Action starts with")}
      {input("from", "From", "date")}
      {input("to", "To (inclusive)", "date")}
      <button type="submit" className={buttonClass.secondary}>
        Filter
      </button>
    </Form>
  );
}
