/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Form from "next/form";
import { CHANGE_STATUSES, CHANGE_TYPES } from "@/db/schema";
import type { ChangeListParams } from "@/lib/changes/list-query";
import { buttonClass } from "@/components/ui/styles";
import { FilterSelect } from "@/components/ui/filter-select";

type Options = { teams: string[]; services: { slug: string; name: string }[]; requesters: { id: string; name: string }[]; canApprove: boolean };

/** A GET form: the change list's filters are part of its URL, so a filtered list is a link to share. */
export function ChangeFilters({ params, options }: { params: ChangeListParams; options: Options }) {
  const select = (name: Exclude<keyof ChangeListParams, "waiting">, label: string, choices: [string, string][], all: string) => (
    <FilterSelect id={`changes-${name}`} name={name} label={label} choices={choices} all={all} value={params[name]} width="w-40" />
  );
  return (
    <Form action="/changes" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Change filters">
      {select("status", "Status", CHANGE_STATUSES.map((s) => [s, s.replaceAll("_", " ")]), "Any status")}
      {select("type", "Type", CHANGE_TYPES.map((t) => [t, t]), "Any type")}
      {select("team", "Team", options.teams.map((t) => [t, t]), "All teams")}
      {select("service", "Service", options.services.map((s) => [s.slug, s.name]), "All services")}
      {select("requester", "Requester", options.requesters.map((r) => [r.id, r.name]), "Anyone")}
      {options.canApprove ? (
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="waiting" value="1" defaultChecked={params.waiting === "1"} className="size-4" />
          Waiting for me
        </label>
      ) : null}
      <button type="submit" className={buttonClass.secondary}>
        Filter
      </button>
    </Form>
  );
}
