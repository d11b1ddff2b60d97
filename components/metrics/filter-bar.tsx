/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import Form from "next/form";
import { useState } from "react";
import { flushSync } from "react-dom";
import type { DashboardParams } from "@/lib/dora/view";
import { buttonClass, inputClass } from "@/components/ui/styles";

type Options = { teams: string[]; services: { slug: string; name: string }[]; environments: string[] };

const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => e.currentTarget.form?.requestSubmit();

/**
 * A GET form: filters live in the URL, so every view is a link; it applies itself on change. Except a
 * custom range: choosing it only shows the two dates, and the figures on screen stay until both are
 * filled in and applied (the browser refuses the form while one is missing or they are the wrong way round).
 */
export function FilterBar({ action, params, options, fixedService = false }: { action: string; params: DashboardParams; options: Options; fixedService?: boolean }) {
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
  const select = (name: keyof DashboardParams, label: string, choices: [string, string][], all?: string) => (
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
              To (inclusive)
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
            Pick a start and an end date, then Apply: the figures below stay as they are until then.
          </p>
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
