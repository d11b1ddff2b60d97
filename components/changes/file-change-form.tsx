/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { fileChange } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import { TzOffsetField } from "@/components/ui/tz-offset";

/** The change request form; the server applies the same schema as POST /api/v1/changes. */
export type TemplateOption = { id: number; title: string; scope: string; maxRisk: string };

export function FileChangeForm({ services, templates }: { services: { slug: string; name: string }[]; templates: TemplateOption[] }) {
  const [state, action, pending] = useActionState(fileChange, IDLE);
  const errors = state.status === "error" ? state.fields : {};
  const error = (name: string) => errors[`change.${name}`] ?? errors[name];
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const select = (name: string, label: string, options: [string, string][], placeholder: string) => (
    <Field form="change" name={name} label={label} error={error(name)}>
      {(props) => (
        <select name={name} defaultValue={values[name] ?? ""} {...props}>
          <option value="" disabled>
            {placeholder}
          </option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form key={JSON.stringify(values)} action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label="File a change request">
      <TzOffsetField />
      <div className="sm:col-span-2">
        <Field form="change" name="title" label="Title" defaultValue={values.title} autoComplete="off" error={error("title")} />
      </div>
      {select("service", "Service", services.map((s) => [s.slug, s.name]), "Choose a service")}
      {select("type", "Type", [["standard", "standard — pre-approved routine change"], ["normal", "normal — needs approval"], ["emergency", "emergency — implement now, approve afterwards"]], "Choose a type")}
      {select("risk", "Risk", [["low", "low"], ["medium", "medium"], ["high", "high — two approvers"]], "Choose a risk")}
      <Field form="change" name="template" label="Standard change template" hint="Standard changes only: the catalog entry this change follows." error={error("template")}>
        {(props) => (
          <select name="template" defaultValue={values.template ?? ""} {...props}>
            <option value="">{templates.length ? "None (not a standard change)" : "The catalog is empty"}</option>
            {templates.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {`${t.title} — ${t.scope}, up to ${t.maxRisk} risk`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="change" name="plannedStart" label="Planned start" type="datetime-local" hint="Required for normal changes." defaultValue={values.plannedStart} error={error("plannedStart")} />
      <Field form="change" name="plannedEnd" label="Planned end" type="datetime-local" defaultValue={values.plannedEnd} error={error("plannedEnd")} />
      <Field form="change" name="description" label="Description" error={error("description")}>
        {(props) => <textarea name="description" rows={4} defaultValue={values.description} {...props} />}
      </Field>
      <Field form="change" name="rollbackPlan" label="Rollback plan" error={error("rollbackPlan")}>
        {(props) => <textarea name="rollbackPlan" rows={4} defaultValue={values.rollbackPlan} {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" name="intent" value="submit" className={buttonClass.primary} disabled={pending}>
          Submit for approval
        </button>
        <button type="submit" name="intent" value="draft" className={buttonClass.secondary} disabled={pending}>
          Save as draft
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
