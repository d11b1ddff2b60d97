"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { fileChange } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";
import { ReaderTimeZoneField } from "@/components/ui/reader-time-zone";

/* The schema's enums, written here so the browser bundle carries no database code. */
const CHANGE_TYPES = ["standard", "normal", "emergency"] as const;
const CHANGE_RISKS = ["low", "medium", "high"] as const;

/** A catalog entry as the form offers it: for one service, for a team's services, or for any. */
export type TemplateOption = { id: number; title: string; serviceName: string | null; team: string | null; maxRisk: "low" | "medium" | "high" };

/** The change request form; the server applies the same schema as POST /api/v1/changes. */
export function FileChangeForm({ services, templates }: { services: { slug: string; name: string }[]; templates: TemplateOption[] }) {
  const t = useTranslations("FileChange");
  const terms = useTranslations("Terms");
  const [state, action, pending] = useActionState(fileChange, IDLE);
  const errors = state.status === "error" ? state.fields : {};
  const error = (name: string) => errors[`change.${name}`] ?? errors[name];
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const select = (name: string, label: string, options: [string, string][], placeholder: string, data = false) => (
    <Field form="change" name={name} label={label} error={error(name)}>
      {(props) => (
        <select name={name} defaultValue={values[name] ?? ""} {...props}>
          <option value="" disabled>
            {placeholder}
          </option>
          {options.map(([value, text]) => (
            <option key={value} value={value} translate={data ? "no" : undefined}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form key={JSON.stringify(values)} action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label={t("title")}>
      <ReaderTimeZoneField />
      <div className="sm:col-span-2">
        <Field form="change" name="title" label={t("changeTitle")} defaultValue={values.title} autoComplete="off" error={error("title")} />
      </div>
      {select("service", terms("nouns.service"), services.map((s) => [s.slug, s.name]), t("chooseService"), true)}
      {select("type", t("type"), CHANGE_TYPES.map((type) => [type, t(`types.${type}`)]), t("chooseType"))}
      {select("risk", t("risk"), CHANGE_RISKS.map((risk) => [risk, t(`risks.${risk}`)]), t("chooseRisk"))}
      <Field form="change" name="template" label={t("template")} hint={t("templateHint")} error={error("template")}>
        {(props) => (
          <select name="template" defaultValue={values.template ?? ""} {...props}>
            <option value="">{templates.length ? t("noTemplate") : t("emptyCatalog")}</option>
            {/* Mostly data (the template's title and scope): the sweep of Chinese pages leaves it alone. */}
            {templates.map((template) => (
              <option key={template.id} value={String(template.id)} translate="no">
                {t("templateOption", {
                  title: template.title,
                  scope: template.serviceName ?? (template.team ? t("scopeTeam", { team: template.team }) : t("scopeAny")),
                  risk: terms(`risk.${template.maxRisk}`),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="change" name="plannedStart" label={t("plannedStart")} type="datetime-local" hint={t("plannedStartHint")} defaultValue={values.plannedStart} error={error("plannedStart")} />
      <Field form="change" name="plannedEnd" label={t("plannedEnd")} type="datetime-local" defaultValue={values.plannedEnd} error={error("plannedEnd")} />
      <Field form="change" name="description" label={t("descriptionField")} error={error("description")}>
        {(props) => <textarea name="description" rows={4} defaultValue={values.description} {...props} />}
      </Field>
      <Field form="change" name="rollbackPlan" label={t("rollbackPlan")} error={error("rollbackPlan")}>
        {(props) => <textarea name="rollbackPlan" rows={4} defaultValue={values.rollbackPlan} {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" name="intent" value="submit" className={buttonClass.primary} disabled={pending}>
          {t("submit")}
        </button>
        <button type="submit" name="intent" value="draft" className={buttonClass.secondary} disabled={pending}>
          {t("draft")}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
