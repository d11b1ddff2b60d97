"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { editService } from "@/app/_actions/services";
import { IDLE } from "@/app/_actions/form-state";
import { richTags } from "@/components/i18n/rich";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChangeReuse } from "@/db/schema";

type Editable = {
  slug: string;
  name: string;
  team: string | null;
  description: string | null;
  repository: string | null;
  requireChange: string[];
  changeToleranceMinutes: number;
  changeReuse: ChangeReuse;
};

export function EditServiceForm({ service }: { service: Editable }) {
  const t = useTranslations("Services.form");
  const [state, action] = useActionState(editService, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const value = (k: "name" | "team" | "description" | "repository") => values[k] ?? service[k] ?? "";
  const reuse = values.changeReuse ?? service.changeReuse;
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={t("label")}>
      <input type="hidden" name="slug" value={service.slug} />
      <Field form="service" name="name" label={t("name")} defaultValue={value("name")} error={fields.name} />
      <Field form="service" name="team" label={t("team")} hint={t.rich("teamHint", richTags)} defaultValue={value("team")} error={fields.team} />
      <Field form="service" name="repository" label={t("repository")} type="url" defaultValue={value("repository")} error={fields.repository} />
      <Field form="service" name="description" label={t("description")} error={fields.description}>
        {(props) => <textarea name="description" rows={3} defaultValue={value("description")} translate="no" {...props} />}
      </Field>
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">{t("gating")}</legend>
        <Field
          form="service"
          name="requireChange"
          label={t("requireChange")}
          hint={t.rich("requireChangeHint", richTags)}
          defaultValue={values.requireChange ?? service.requireChange.join(", ")}
          error={fields.requireChange}
        />
        <Field
          form="service"
          name="changeToleranceMinutes"
          label={t("tolerance")}
          hint={t("toleranceHint")}
          type="number"
          min={0}
          max={1440}
          inputMode="numeric"
          defaultValue={values.changeToleranceMinutes ?? String(service.changeToleranceMinutes)}
          error={fields.changeToleranceMinutes}
        />
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className="text-sm font-medium">{t("reuse")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="changeReuse" value="once" defaultChecked={reuse === "once"} className="h-4 w-4" />
            {t("reuseOnce")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="changeReuse" value="until_closed" defaultChecked={reuse === "until_closed"} className="h-4 w-4" />
            {t("reuseUntilClosed")}
          </label>
          <p className="text-xs text-muted">{t("reuseHint")}</p>
          {fields.changeReuse ? <p className="text-sm text-danger">{fields.changeReuse}</p> : null}
        </fieldset>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>{t("save")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
