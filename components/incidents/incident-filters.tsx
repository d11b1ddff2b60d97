import Form from "next/form";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/styles";
import { FilterSelect } from "@/components/ui/filter-select";

type Params = { open?: string; severity?: string; service?: string; team?: string };
type Options = { teams: string[]; services: { slug: string; name: string }[] };

/** A GET form: the incident list's filters are part of its URL. */
export function IncidentFilters({ params, options }: { params: Params; options: Options }) {
  const t = useTranslations("Incidents.filters");
  const terms = useTranslations("Terms");
  const select = (name: keyof Params, label: string, choices: [string, string][], all: string, data = false) => (
    <FilterSelect id={`incidents-${name}`} name={name} label={label} choices={choices} all={all} value={params[name]} choicesAreData={data} />
  );
  return (
    <Form action="/incidents" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("label")}>
      {select("open", t("state"), [["1", t("openOnly")]], t("openAndResolved"))}
      {select("severity", terms("nouns.severity"), ["SEV1", "SEV2", "SEV3", "SEV4"].map((s) => [s, s]), t("anySeverity"))}
      {select("team", terms("nouns.team"), options.teams.map((team) => [team, team]), t("allTeams"), true)}
      {select("service", terms("nouns.service"), options.services.map((s) => [s.slug, s.name]), t("allServices"), true)}
      <button type="submit" className={buttonClass.secondary}>
        {terms("actions.filter")}
      </button>
    </Form>
  );
}
