"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { recordDeploymentAction } from "@/app/_actions/deployments";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { ServiceField } from "@/components/ui/service-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ReaderTimeZoneField } from "@/components/ui/reader-time-zone";

const STATUSES = ["success", "failure", "in_progress", "queued", "cancelled"] as const;

/** For deploys no pipeline reported: the same rules as POST /api/v1/deployments. */
export function RecordDeploymentForm({ services, me }: { services: { slug: string; name: string }[]; me: string }) {
  const t = useTranslations("Deployments.form");
  const status = useTranslations("Terms.deploymentStatus");
  const [state, action] = useActionState(recordDeploymentAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={JSON.stringify(values)} action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate aria-label={t("title")}>
      <ReaderTimeZoneField />
      <ServiceField form="deployment" services={services} value={values.service} error={fields.service} />
      <Field form="deployment" name="environment" label={t("environment")} defaultValue={values.environment ?? "production"} error={fields.environment} />
      <Field form="deployment" name="status" label={t("status")} error={fields.status}>
        {(props) => (
          <select name="status" defaultValue={values.status ?? "success"} {...props}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {status(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form="deployment" name="version" label={t("version")} defaultValue={values.version} error={fields.version} />
      <Field form="deployment" name="startedAt" label={t("startedAt")} type="datetime-local" defaultValue={values.startedAt} error={fields.startedAt} />
      <Field form="deployment" name="finishedAt" label={t("finishedAt")} type="datetime-local" hint={t("finishedHint")} defaultValue={values.finishedAt} error={fields.finishedAt} />
      <Field form="deployment" name="sha" label={t("sha")} defaultValue={values.sha} error={fields.sha} />
      <Field form="deployment" name="changeRequest" label={t("changeRequest")} inputMode="numeric" defaultValue={values.changeRequest} error={fields.changeRequest} />
      <Field form="deployment" name="deployedBy" label={t("deployedBy")} defaultValue={values.deployedBy ?? me} error={fields.deployedBy} />
      <div className="flex items-center gap-2 self-end">
        <input id="deployment-unplanned" type="checkbox" name="unplanned" defaultChecked={values.unplanned === "on"} className="h-4 w-4" />
        <label htmlFor="deployment-unplanned" className="text-sm">
          {t("unplanned")}
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>{t("submit")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
