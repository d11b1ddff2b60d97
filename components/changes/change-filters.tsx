import Form from "next/form";
import { useTranslations } from "next-intl";
import { CHANGE_STATUSES, CHANGE_TYPES } from "@/db/schema";
import type { ChangeListParams } from "@/lib/changes/list-query";
import { buttonClass } from "@/components/ui/styles";
import { FilterSelect } from "@/components/ui/filter-select";

type Options = { teams: string[]; services: { slug: string; name: string }[]; requesters: { id: string; name: string }[]; canApprove: boolean };

/** A GET form: the change list's filters are part of its URL, so a filtered list is a link to share. */
export function ChangeFilters({ params, options }: { params: ChangeListParams; options: Options }) {
  const t = useTranslations("ChangeList.filters");
  const terms = useTranslations("Terms");
  const select = (name: Exclude<keyof ChangeListParams, "waiting">, label: string, choices: [string, string][], all: string, data = false) => (
    <FilterSelect id={`changes-${name}`} name={name} label={label} choices={choices} all={all} value={params[name]} width="w-40" choicesAreData={data} />
  );
  return (
    <Form action="/changes" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("label")}>
      {select("status", terms("nouns.status"), CHANGE_STATUSES.map((s) => [s, terms(`changeStatus.${s}`)]), t("anyStatus"))}
      {select("type", t("type"), CHANGE_TYPES.map((type) => [type, terms(`changeType.${type}`)]), t("anyType"))}
      {select("team", terms("nouns.team"), options.teams.map((team) => [team, team]), t("allTeams"), true)}
      {select("service", terms("nouns.service"), options.services.map((s) => [s.slug, s.name]), t("allServices"), true)}
      {select("requester", t("requester"), options.requesters.map((r) => [r.id, r.name]), t("anyone"), true)}
      {options.canApprove ? (
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="waiting" value="1" defaultChecked={params.waiting === "1"} className="size-4" />
          {t("waitingForMe")}
        </label>
      ) : null}
      <button type="submit" className={buttonClass.secondary}>
        {terms("actions.filter")}
      </button>
    </Form>
  );
}
