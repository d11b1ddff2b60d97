import Form from "next/form";
import { useTranslations } from "next-intl";
import type { DataHealthFilter } from "@/lib/data-health/rules";
import { FilterSelect } from "@/components/ui/filter-select";
import { buttonClass } from "@/components/ui/styles";

type Options = { teams: string[]; services: { slug: string; name: string }[] };

/** Narrows the page to a team's services or one service: a GET form, so each scope is a link a team can keep. */
export function DataHealthFilterForm({ filter, options }: { filter: DataHealthFilter; options: Options }) {
  const t = useTranslations("DataHealth.filters");
  const term = useTranslations("Terms");
  return (
    <Form action="/data-health" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("label")}>
      <FilterSelect id="data-health-team" name="team" label={term("nouns.team")} choices={options.teams.map((team) => [team, team])} all={t("allTeams")} value={filter.team} choicesAreData />
      <FilterSelect id="data-health-service" name="service" label={term("nouns.service")} choices={options.services.map((s) => [s.slug, s.name])} all={t("allServices")} value={filter.service} choicesAreData />
      <button type="submit" className={buttonClass.secondary}>
        {term("actions.apply")}
      </button>
    </Form>
  );
}
