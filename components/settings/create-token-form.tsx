"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createToken } from "@/app/_actions/tokens";
import { IDLE } from "@/app/_actions/form-state";
import { TOKEN_ROLES } from "@/lib/auth/roles";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass, inputClass } from "@/components/ui/styles";

export function CreateTokenForm() {
  const t = useTranslations("SettingsTokens");
  const actions = useTranslations("Terms.actions");
  const [state, action] = useActionState(createToken, IDLE);
  const [copied, setCopied] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  const token = state.status === "success" ? state.data?.token : undefined;
  return (
    <div className="space-y-4">
      <form ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={t("form.label")}>
        <Field form="token" name="name" label={t("form.name")} placeholder={t("form.namePlaceholder")} autoComplete="off" error={fields.name} />
        <Field form="token" name="role" label={t("form.role")} error={fields.role}>
          {(props) => (
            <select name="role" defaultValue="ingest" {...props}>
              {TOKEN_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t("form.roleOption", { role: t(`roles.${role}`), hint: t(`form.roleHints.${role}`) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <SubmitButton pendingText={t("form.pending")}>{t("form.submit")}</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {token ? (
        <div className="rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-token" className="block text-sm font-medium">
            {t("form.shownOnce")}
          </label>
          <div className="mt-2 flex gap-2">
            <input id="new-token" readOnly value={token} translate="no" className={`${inputClass} font-mono`} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={async () => {
                await navigator.clipboard?.writeText(token);
                setCopied(true);
              }}
            >
              {copied ? actions("copied") : actions("copy")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
