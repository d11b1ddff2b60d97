"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createUser } from "@/app/_actions/users";
import { IDLE } from "@/app/_actions/form-state";
import { USER_ROLES } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateUserForm() {
  const t = useTranslations("SettingsUsers");
  const roles = useTranslations("Shell.roles");
  const [state, action] = useActionState(createUser, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={JSON.stringify(values)} ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={t("form.label")}>
      <Field form="user" name="name" label={t("form.name")} autoComplete="off" defaultValue={values.name} error={fields.name} />
      <Field form="user" name="email" label={t("form.email")} type="email" autoComplete="off" defaultValue={values.email} error={fields.email} />
      <Field form="user" name="role" label={t("form.role")} error={fields.role}>
        {(props) => (
          <select name="role" defaultValue={values.role ?? "viewer"} {...props}>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t("form.roleOption", { role: roles(role), description: t(`roleDescriptions.${role}`) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form="user"
        name="password"
        label={t("form.password")}
        type="password"
        autoComplete="new-password"
        hint={t("form.passwordHint", { min: MIN_PASSWORD_LENGTH })}
        error={fields.password}
      />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText={t("form.pending")}>{t("form.submit")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
