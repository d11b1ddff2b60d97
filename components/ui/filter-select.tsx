import { inputClass } from "./styles";

/**
 * One filter of a list's GET form: a labelled select whose empty choice means "no filter". The lists'
 * filter bars (changes, incidents, the change calendar) are rows of these. `choicesAreData`: the choices are
 * names (teams, services), not UI words, so translators and the Chinese sweep leave them alone.
 */
export function FilterSelect({ id, name, label, choices, all, value, width = "w-44", choicesAreData = false }: { id: string; name: string; label: string; choices: [string, string][]; all: string; value: string | undefined; width?: string; choicesAreData?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${inputClass} mt-1 ${width}`}>
        <option value="">{all}</option>
        {choices.map(([v, t]) => (
          <option key={v} value={v} translate={choicesAreData ? "no" : undefined}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}
