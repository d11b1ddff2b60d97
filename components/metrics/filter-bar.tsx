"use client";

import Form from "next/form";
import type { DashboardParams } from "@/lib/dora/view";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Options = { teams: string[]; services: { slug: string; name: string }[]; environments: string[] };

const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => e.currentTarget.form?.requestSubmit();

/** A GET form: filters live in the URL, so every view is a link; it applies itself on change. */
export function FilterBar({ action, params, options, fixedService = false }: { action: string; params: DashboardParams; options: Options; fixedService?: boolean }) {
  const custom = params.period === "custom";
  const select = (name: keyof DashboardParams, label: string, choices: [string, string][], all?: string) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={params[name] ?? (name === "environment" ? "production" : "")} onChange={submitOnChange} className={`${inputClass} mt-1 w-44`}>
        {all ? <option value="">{all}</option> : null}
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form action={action} className="mb-6 flex flex-wrap items-end gap-3" aria-label="Filters" key={JSON.stringify(params)}>
      {select("period", "Period", [
        ["7", "Last 7 days"],
        ["30", "Last 30 days"],
        ["90", "Last 90 days"],
        ["180", "Last 180 days"],
        ["custom", "Custom range"],
      ])}
      {custom ? (
        <>
          <div>
            <label htmlFor="filter-from" className="block text-xs font-medium text-muted">
              From
            </label>
            <input id="filter-from" type="date" name="from" defaultValue={params.from} className={`${inputClass} mt-1`} />
          </div>
          <div>
            <label htmlFor="filter-to" className="block text-xs font-medium text-muted">
              To (inclusive)
            </label>
            <input id="filter-to" type="date" name="to" defaultValue={params.to} className={`${inputClass} mt-1`} />
          </div>
        </>
      ) : null}
      {fixedService ? null : select("team", "Team", options.teams.map((t) => [t, t]), "All teams")}
      {fixedService ? null : select("service", "Service", options.services.map((s) => [s.slug, s.name]), "All services")}
      {select("environment", "Environment", options.environments.map((e) => [e, e]))}
      <button type="submit" className={buttonClass.secondary}>
        Apply
      </button>
    </Form>
  );
}
