"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signIn } from "@/app/_actions/session";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("SignIn");
  const [state, action] = useActionState(signIn, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const email = state.status === "error" ? state.values?.email : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? "/"} />
      <Field name="email" label={t("email")} type="email" autoComplete="username" required defaultValue={email} key={email} error={fields.email} />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required error={fields.password} />
      <FormMessage state={state} />
      <SubmitButton pendingText={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
