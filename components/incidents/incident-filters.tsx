import Form from "next/form";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Params = { open?: string; severity?: string; service?: string; team?: string };
type Options = { teams: string[]; services: { slug: string; name: string }[] };

/** A GET form: the incident list's filters are part of its URL. */
export function IncidentFilters({ params, options }: { params: Params; options: Options }) {
  const select = (name: keyof Params, label: string, choices: [string, string][], all: string) => (
    <div>
      <label htmlFor={`incidents-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={`incidents-${name}`} name={name} defaultValue={params[name] ?? ""} className={`${inputClass} mt-1 w-44`}>
        <option value="">{all}</option>
        {choices.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form action="/incidents" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Incident filters">
      {select("open", "State", [["1", "Open only"]], "Open and resolved")}
      {select("severity", "Severity", ["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => [s, s]), "Any severity")}
      {select("team", "Team", options.teams.map((t) => [t, t]), "All teams")}
      {select("service", "Service", options.services.map((s) => [s.slug, s.name]), "All services")}
      <button type="submit" className={buttonClass.secondary}>
        Filter
      </button>
    </Form>
  );
}
