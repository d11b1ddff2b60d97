/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { saveIntegrationGate } from "@/app/_actions/integrations";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = { id: number; source: "github" | "gitlab"; appId: string; apiBaseUrl: string; hasCredential: boolean };

/**
 * What Tandem answers the tool's deployment gates with. The credential is write-only: the field starts
 * empty whatever is stored, and an empty field keeps the stored one.
 */
export function IntegrationGateForm({ id, source, appId, apiBaseUrl, hasCredential }: Props) {
  const [state, action] = useActionState(saveIntegrationGate, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const echo = state.status === "error" ? (state.values ?? {}) : {};
  const github = source === "github";
  const stored = hasCredential ? "One is stored; leave empty to keep it." : "None is stored yet.";
  return (
    <form action={action} className="grid gap-4 lg:grid-cols-2" noValidate aria-label="Deployment gate">
      <input type="hidden" name="id" value={id} />
      {github ? <Field form="gate" name="appId" label="GitHub App id" inputMode="numeric" defaultValue={echo.appId ?? appId} error={fields.appId} hint="The App that has the deployment protection rule; Tandem answers as it." /> : null}
      <Field
        form="gate"
        name="apiBaseUrl"
        label="API base URL"
        defaultValue={echo.apiBaseUrl ?? apiBaseUrl}
        placeholder={github ? "https://api.github.com" : "https://gitlab.com/api/v4"}
        error={fields.apiBaseUrl}
        hint={github ? "Empty: github.com. GitHub Enterprise Server: https://HOST/api/v3." : "Empty: gitlab.com. Self-managed: https://HOST/api/v4."}
      />
      {github ? (
        <Field form="gate" name="credential" label="App private key (PEM)" error={fields.credential} hint={stored}>
          {(props) => <textarea name="credential" rows={4} autoComplete="off" spellCheck={false} className={`${props.className} font-mono`} id={props.id} aria-invalid={props["aria-invalid"]} aria-describedby={props["aria-describedby"]} />}
        </Field>
      ) : (
        <Field form="gate" name="credential" type="password" autoComplete="off" label="Access token" error={fields.credential} hint={`A token with the api scope of a user allowed to approve deployments. ${stored}`} />
      )}
      <div className="flex flex-wrap items-center gap-4 lg:col-span-2">
        <SubmitButton>Save deployment gate</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
