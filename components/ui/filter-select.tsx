import { inputClass } from "./styles";

/**
 * One filter of a list's GET form: a labelled select whose empty choice means "no filter". The lists'
 * filter bars (changes, incidents, the change calendar) are rows of these. `data`: the choices are names
 * from the data (services, teams, people), marked translate="no".
 */
export function FilterSelect({ id, name, label, choices, all, value, width = "w-44", data = false }: { id: string; name: string; label: string; choices: [string, string][]; all: string; value: string | undefined; width?: string; data?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${inputClass} mt-1 ${width}`}>
        <option value="">{all}</option>
        {choices.map(([v, t]) => (
          <option key={v} value={v} translate={data ? "no" : undefined}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}
