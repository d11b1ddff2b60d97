/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useEffect, useRef } from "react";
import { createUser } from "@/app/_actions/users";
import { IDLE } from "@/app/_actions/form-state";
import { USER_ROLES, ROLE_DESCRIPTIONS } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateUserForm() {
  const [state, action] = useActionState(createUser, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form key={JSON.stringify(values)} ref={form} action={action} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Add a user">
      <Field form="user" name="name" label="Name" autoComplete="off" defaultValue={values.name} error={fields.name} />
      <Field form="user" name="email" label="Email" type="email" autoComplete="off" defaultValue={values.email} error={fields.email} />
      <Field form="user" name="role" label="Role" error={fields.role}>
        {(props) => (
          <select name="role" defaultValue={values.role ?? "viewer"} {...props}>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {role} — {ROLE_DESCRIPTIONS[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        form="user"
        name="password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Share it with the person privately.`}
        error={fields.password}
      />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton pendingText="Adding…">Add user</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
