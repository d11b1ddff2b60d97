"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveIntegrationGate } from "@/app/_actions/integrations";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { richTags } from "@/components/i18n/rich";

type Props = { id: number; source: "github" | "gitlab"; appId: string; apiBaseUrl: string; hasCredential: boolean };

/**
 * What Tandem answers the tool's deployment gates with. The credential is write-only: the field starts
 * empty whatever is stored, and an empty field keeps the stored one.
 */
export function IntegrationGateForm({ id, source, appId, apiBaseUrl, hasCredential }: Props) {
  const t = useTranslations("Integrations");
  const [state, action] = useActionState(saveIntegrationGate, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  const echo = state.status === "error" ? (state.values ?? {}) : {};
  const github = source === "github";
  return (
    <form action={action} className="grid gap-4 lg:grid-cols-2" noValidate aria-label={t("gate")}>
      <input type="hidden" name="id" value={id} />
      {github ? <Field form="gate" name="appId" label={t("appId")} inputMode="numeric" defaultValue={echo.appId ?? appId} error={fields.appId} hint={t("appIdHint")} /> : null}
      <Field
        form="gate"
        name="apiBaseUrl"
        label={t("apiBaseUrl")}
        defaultValue={echo.apiBaseUrl ?? apiBaseUrl}
        placeholder={github ? "https://api.github.com" : "https://gitlab.com/api/v4"}
        error={fields.apiBaseUrl}
        hint={t.rich(github ? "apiHintGithub" : "apiHintGitlab", richTags)}
      />
      {github ? (
        <Field form="gate" name="credential" label={t("privateKey")} error={fields.credential} hint={hasCredential ? t("stored") : t("notStored")}>
          {(props) => <textarea name="credential" rows={4} autoComplete="off" spellCheck={false} className={`${props.className} font-mono`} id={props.id} aria-invalid={props["aria-invalid"]} aria-describedby={props["aria-describedby"]} />}
        </Field>
      ) : (
        <Field form="gate" name="credential" type="password" autoComplete="off" label={t("accessToken")} error={fields.credential} hint={t.rich(hasCredential ? "tokenHintStored" : "tokenHintNotStored", richTags)} />
      )}
      <div className="flex flex-wrap items-center gap-4 lg:col-span-2">
        <SubmitButton>{t("saveGate")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
