/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState } from "react";
import { decideAction } from "@/app/_actions/changes";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { buttonClass } from "@/components/ui/styles";

/** Every decision carries a comment; the server checks the role and the policy again. */
export function DecisionForm({ changeId }: { changeId: number }) {
  const [state, action, pending] = useActionState(decideAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate aria-label="Decide">
      <input type="hidden" name="changeId" value={changeId} />
      <Field form="decision" name="comment" label="Comment" hint="Required: say why you approve or reject, for the audit log." error={fields.comment}>
        {(props) => <textarea name="comment" rows={2} required {...props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="decision" value="approved" className={buttonClass.primary} disabled={pending}>
          Approve
        </button>
        <button type="submit" name="decision" value="rejected" className={buttonClass.danger} disabled={pending}>
          Reject
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
