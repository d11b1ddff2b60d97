"use client";

import { useActionState, useEffect, useRef } from "react";
import { IDLE, type FormState } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** A one-textarea form (an update note, a postmortem) tied to an incident; what is written there is data, not UI text. */
export function TextUpdateForm({
  action,
  incidentId,
  name,
  label,
  submit,
  initial = "",
  rows = 3,
  resetOnSuccess = false,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  incidentId: number;
  name: string;
  label: string;
  submit: string;
  initial?: string;
  rows?: number;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === "success") form.current?.reset();
  }, [state, resetOnSuccess]);
  const error = state.status === "error" ? state.fields[name] : undefined;
  return (
    <form ref={form} action={formAction} className="space-y-2" noValidate aria-label={submit}>
      <input type="hidden" name="incidentId" value={incidentId} />
      <Field form={`incident-${name}`} name={name} label={label} error={error}>
        {(props) => <textarea name={name} rows={rows} defaultValue={state.status === "error" ? (state.values?.[name] ?? initial) : initial} translate="no" {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton>{submit}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
