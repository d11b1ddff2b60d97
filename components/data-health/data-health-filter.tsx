import Form from "next/form";
import { useTranslations } from "next-intl";
import type { DataHealthFilter } from "@/lib/data-health/rules";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Options = { teams: string[]; services: { slug: string; name: string }[] };

/** Narrows the page to a team's services or one service: a GET form, so each scope is a link a team can keep. */
export function DataHealthFilterForm({ filter, options }: { filter: DataHealthFilter; options: Options }) {
  const t = useTranslations("DataHealth.filters");
  const term = useTranslations("Terms");
  const select = (name: "team" | "service", label: string, all: string, choices: [value: string, text: string][]) => (
    <div>
      <label htmlFor={`data-health-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={`data-health-${name}`} name={name} defaultValue={filter[name] ?? ""} className={`${inputClass} mt-1 w-44`}>
        <option value="">{all}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value} translate="no">
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form action="/data-health" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("label")}>
      {select("team", term("nouns.team"), t("allTeams"), options.teams.map((team) => [team, team]))}
      {select("service", term("nouns.service"), t("allServices"), options.services.map((s) => [s.slug, s.name]))}
      <button type="submit" className={buttonClass.secondary}>
        {term("actions.apply")}
      </button>
    </Form>
  );
}
