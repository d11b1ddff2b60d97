/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { createToken } from "@/app/_actions/tokens";
import { IDLE } from "@/app/_actions/form-state";
import { TOKEN_ROLES } from "@/lib/auth/roles";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass, inputClass } from "@/components/ui/styles";

const ROLE_HINTS = { ingest: "writes deployments, incidents, changes, services", read: "reads the API", admin: "both, plus management" };

export function CreateTokenForm() {
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
      <form ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Create an API token">
        <Field form="token" name="name" label="Token name" placeholder="e.g. GitHub Actions" autoComplete="off" error={fields.name} />
        <Field form="token" name="role" label="Token role" error={fields.role}>
          {(props) => (
            <select name="role" defaultValue="ingest" {...props}>
              {TOKEN_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role} — {ROLE_HINTS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <SubmitButton pendingText="Creating…">Create token</SubmitButton>
          <FormMessage state={state} />
        </div>
      </form>
      {token ? (
        <div className="rounded-md border border-warning bg-warning-soft p-3">
          <label htmlFor="new-token" className="block text-sm font-medium">
            Your new token (shown once)
          </label>
          <div className="mt-2 flex gap-2">
            <input id="new-token" readOnly value={token} className={`${inputClass} font-mono`} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={async () => {
                await navigator.clipboard?.writeText(token);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
