"use client";

import { useActionState } from "react";
import { signIn } from "@/app/_actions/session";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ next }: { next?: string }) {
  const [state, action] = useActionState(signIn, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const email = state.status === "error" ? state.values?.email : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? "/"} />
      <Field name="email" label="Email" type="email" autoComplete="username" required defaultValue={email} key={email} error={fields.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={fields.password} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
