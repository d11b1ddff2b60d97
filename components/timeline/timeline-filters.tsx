"use client";

import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Params = { type?: string; service?: string; team?: string; environment?: string };
type Options = { teams: string[]; services: { slug: string; name: string }[]; environments: string[] };

const TYPES = ["deployment", "incident", "change", "gate"] as const;

function href(params: Params, change: Partial<Params>): string {
  const next = new URLSearchParams(Object.entries({ ...params, ...change }).filter((e): e is [string, string] => Boolean(e[1])));
  const text = next.toString();
  return text ? `/timeline?${text}` : "/timeline";
}

/** Type chips toggle in the URL; team, service and environment apply on change. Every view is a link. */
export function TimelineFilters({ params, options }: { params: Params; options: Options }) {
  const t = useTranslations("Timeline.filters");
  const active = new Set(params.type?.split(",").filter(Boolean) ?? []);
  const toggle = (type: string) => {
    const next = new Set(active);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    return [...next].join(",") || undefined;
  };
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  const select = (name: "team" | "service" | "environment", label: string, choices: [string, string][]) => (
    <div>
      <label htmlFor={`timeline-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={`timeline-${name}`} name={name} defaultValue={params[name] ?? ""} onChange={submit} className={`${inputClass} mt-1 w-44`}>
        <option value="">{t("all")}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value} translate="no">
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="mb-6 flex flex-wrap items-end gap-4">
      <nav aria-label={t("eventTypes")} className="flex flex-wrap gap-2">
        {TYPES.map((type) => (
          <Link
            key={type}
            href={href(params, { type: toggle(type) })}
            aria-current={active.has(type) ? "true" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${active.has(type) ? "border-accent bg-accent-soft font-medium" : "border-border"}`}
          >
            {t(`types.${type}`)}
          </Link>
        ))}
      </nav>
      <Form action="/timeline" className="flex flex-wrap items-end gap-3" aria-label={t("label")} key={JSON.stringify(params)}>
        {params.type ? <input type="hidden" name="type" value={params.type} /> : null}
        {select("team", t("team"), options.teams.map((t) => [t, t]))}
        {select("service", t("service"), options.services.map((s) => [s.slug, s.name]))}
        {select("environment", t("environment"), options.environments.map((e) => [e, e]))}
        <button type="submit" className={buttonClass.secondary}>
          {t("apply")}
        </button>
      </Form>
    </div>
  );
}
