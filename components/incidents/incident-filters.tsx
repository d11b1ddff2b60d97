/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Form from "next/form";
import { buttonClass } from "@/components/ui/styles";
import { FilterSelect } from "@/components/ui/filter-select";

type Params = { open?: string; severity?: string; service?: string; team?: string };
type Options = { teams: string[]; services: { slug: string; name: string }[] };

/** A GET form: the incident list's filters are part of its URL. */
export function IncidentFilters({ params, options }: { params: Params; options: Options }) {
  const select = (name: keyof Params, label: string, choices: [string, string][], all: string) => (
    <FilterSelect id={`incidents-${name}`} name={name} label={label} choices={choices} all={all} value={params[name]} />
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
