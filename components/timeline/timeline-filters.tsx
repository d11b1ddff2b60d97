/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import Form from "next/form";
import Link from "next/link";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Params = { type?: string; service?: string; team?: string; environment?: string };
type Options = { teams: string[]; services: { slug: string; name: string }[]; environments: string[] };

const TYPES = [
  ["deployment", "Deployments"],
  ["incident", "Incidents"],
  ["change", "Changes"],
  ["gate", "Gate decisions"],
] as const;

function href(params: Params, change: Partial<Params>): string {
  const next = new URLSearchParams(Object.entries({ ...params, ...change }).filter((e): e is [string, string] => Boolean(e[1])));
  const text = next.toString();
  return text ? `/timeline?${text}` : "/timeline";
}

/** Type chips toggle in the URL; team, service and environment apply on change. Every view is a link. */
export function TimelineFilters({ params, options }: { params: Params; options: Options }) {
  const active = new Set(params.type?.split(",").filter(Boolean) ?? []);
  const toggle = (t: string) => {
    const next = new Set(active);
    if (next.has(t)) next.delete(t);
    else next.add(t);
    return [...next].join(",") || undefined;
  };
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  const select = (name: "team" | "service" | "environment", label: string, choices: [string, string][]) => (
    <div>
      <label htmlFor={`timeline-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={`timeline-${name}`} name={name} defaultValue={params[name] ?? ""} onChange={submit} className={`${inputClass} mt-1 w-44`}>
        <option value="">All</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="mb-6 flex flex-wrap items-end gap-4">
      <nav aria-label="Event types" className="flex flex-wrap gap-2">
        {TYPES.map(([t, label]) => (
          <Link
            key={t}
            href={href(params, { type: toggle(t) })}
            aria-current={active.has(t) ? "true" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${active.has(t) ? "border-accent bg-accent-soft font-medium" : "border-border"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <Form action="/timeline" className="flex flex-wrap items-end gap-3" aria-label="Timeline filters" key={JSON.stringify(params)}>
        {params.type ? <input type="hidden" name="type" value={params.type} /> : null}
        {select("team", "Team", options.teams.map((t) => [t, t]))}
        {select("service", "Service", options.services.map((s) => [s.slug, s.name]))}
        {select("environment", "Environment", options.environments.map((e) => [e, e]))}
        <button type="submit" className={buttonClass.secondary}>
          Apply
        </button>
      </Form>
    </div>
  );
}
