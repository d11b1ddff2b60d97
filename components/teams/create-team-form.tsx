"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createTeamAction } from "@/app/_actions/teams";
import { IDLE } from "@/app/_actions/form-state";
import { richTags } from "@/components/i18n/rich";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateTeamForm() {
  const t = useTranslations("Teams.create");
  const [state, action] = useActionState(createTeamAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={t("label")}>
      <Field form="team" name="name" label={t("name")} placeholder={t("namePlaceholder")} autoComplete="off" defaultValue={values?.name} error={fields.name} />
      <Field form="team" name="slug" label={t("slug")} placeholder={t("slugPlaceholder")} autoComplete="off" defaultValue={values?.slug} hint={t.rich("slugHint", { ...richTags, endpoint: "PUT /api/v1/services" })} error={fields.slug} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText={t("pending")}>{t("submit")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
