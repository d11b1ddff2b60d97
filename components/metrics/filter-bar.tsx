"use client";

import Form from "next/form";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { flushSync } from "react-dom";
import type { DashboardParams, Period } from "@/lib/dora/view";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Options = { teams: string[]; services: { slug: string; name: string }[]; environments: string[] };
/** A choice's value and words; `data` marks a name (a team's, a service's, an environment's) that stays as it is written. */
type Choice = [value: string, text: string, data?: boolean];

/** The preset periods lib/dora/view.ts PERIODS accepts (spelled out: importing it would bring the query schema into the browser; the type keeps them the same). */
const PRESETS: Record<Exclude<Period, "custom">, number> = { "7": 7, "30": 30, "90": 90, "180": 180 };

const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => e.currentTarget.form?.requestSubmit();

/**
 * A GET form: filters live in the URL, so every view is a link; it applies itself on change. Except a
 * custom range: choosing it only shows the two dates, and the figures on screen stay until both are
 * filled in and applied (the browser refuses the form while one is missing or they are the wrong way round).
 */
export function FilterBar({ action, params, options, fixedService = false }: { action: string; params: DashboardParams; options: Options; fixedService?: boolean }) {
  const t = useTranslations("Metrics.filters");
  const term = useTranslations("Terms");
  const [period, setPeriod] = useState(params.period);
  const [range, setRange] = useState({ from: params.from ?? "", to: params.to ?? "" });
  const custom = period === "custom";
  const choosePeriod = (e: React.ChangeEvent<HTMLSelectElement>) => {
    const form = e.currentTarget.form;
    const value = e.currentTarget.value as DashboardParams["period"];
    // The date fields leave the form before it is sent, so a preset is not sent with a stale range.
    flushSync(() => setPeriod(value));
    if (value !== "custom") form?.requestSubmit();
  };
  const select = (name: keyof DashboardParams, label: string, choices: Choice[], all?: string) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        {...(name === "period" ? { value: period, onChange: choosePeriod } : { defaultValue: params[name] ?? (name === "environment" ? "production" : ""), onChange: submitOnChange })}
        aria-describedby={name === "period" && custom ? "filter-range-hint" : undefined}
        className={`${inputClass} mt-1 w-44`}
      >
        {all ? <option value="">{all}</option> : null}
        {choices.map(([value, text, data]) => (
          <option key={value} value={value} translate={data ? "no" : undefined}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form action={action} className="mb-6 flex flex-wrap items-end gap-3" aria-label={t("label")} key={JSON.stringify(params)}>
      {select("period", term("nouns.period"), [...Object.entries(PRESETS).map(([value, days]): Choice => [value, t("lastDays", { days })]), ["custom", t("custom")]])}
      {custom ? (
        <>
          <div>
            <label htmlFor="filter-from" className="block text-xs font-medium text-muted">
              {t("from")}
            </label>
            <input
              id="filter-from"
              type="date"
              name="from"
              required
              value={range.from}
              max={range.to || undefined}
              onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
              aria-describedby="filter-range-hint"
              className={`${inputClass} mt-1`}
            />
          </div>
          <div>
            <label htmlFor="filter-to" className="block text-xs font-medium text-muted">
              {t("to")}
            </label>
            <input
              id="filter-to"
              type="date"
              name="to"
              required
              value={range.to}
              min={range.from || undefined}
              onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
              aria-describedby="filter-range-hint"
              className={`${inputClass} mt-1`}
            />
          </div>
          <p id="filter-range-hint" className="order-last basis-full text-xs text-muted">
            {t("rangeHint")}
          </p>
        </>
      ) : null}
      {fixedService ? null : select("team", term("nouns.team"), options.teams.map((team) => [team, team, true]), t("allTeams"))}
      {fixedService ? null : select("service", term("nouns.service"), options.services.map((s) => [s.slug, s.name, true]), t("allServices"))}
      {select("environment", term("nouns.environment"), options.environments.map((e) => [e, e, true]))}
      <button type="submit" className={buttonClass.secondary}>
        {term("actions.apply")}
      </button>
    </Form>
  );
}
