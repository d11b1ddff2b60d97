"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { decideAction } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";

/** Every decision carries a comment, and the hint says so before the click; the server checks the role and the policy again. */
export function DecisionForm({ changeId }: { changeId: number }) {
  const t = useTranslations("ChangePage");
  const [state, action, pending] = useActionState(decideAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate aria-label={t("decide")}>
      <input type="hidden" name="changeId" value={changeId} />
      <Field form="decision" name="comment" label={t("comment")} hint={t("commentHint")} error={fields.comment}>
        {(props) => <textarea name="comment" rows={2} required {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="decision" value="approved" className={buttonClass.primary} disabled={pending}>
          {t("approve")}
        </button>
        <button type="submit" name="decision" value="rejected" className={buttonClass.danger} disabled={pending}>
          {t("reject")}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
