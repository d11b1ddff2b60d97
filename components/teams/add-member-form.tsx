"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/app/_actions/form-state";
import { addMemberAction } from "@/app/_actions/teams";
import type { TeamPerson } from "@/db/queries/teams";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function AddMemberForm({ team, people }: { team: string; people: TeamPerson[] }) {
  const t = useTranslations("Teams.addMember");
  const [state, formAction] = useActionState(addMemberAction, IDLE);
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-4" noValidate aria-label={t("label")}>
      <input type="hidden" name="team" value={team} />
      <Field form="member" name="userId" label={t("person")} error={fields.userId}>
        {(props) => (
          <select name="userId" defaultValue="" {...props}>
            <option value="">{t("choose")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id} translate="no">
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingText={t("pending")}>{t("submit")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
