"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { addActionItemAction, editActionItemAction } from "@/app/_actions/action-items";
import { IDLE } from "@/app/_actions/form-state";
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from "@/db/schema/action-items";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Person = { id: string; name: string; email: string };
type Item = { id: number; title: string; ownerEmail: string; ownerName: string; dueOn: string; status: ActionItemStatus; url: string | null };

/**
 * Adds an action item to an incident (`item` absent) or changes one: title, owner, due day, status, link.
 * A changed item's form is named by `labelledBy` (its "Edit …" summary), which holds the title as data.
 */
export function ActionItemForm({ incidentId, item, people, labelledBy }: { incidentId: number; item?: Item; people: Person[]; labelledBy?: string }) {
  const t = useTranslations("ActionItems");
  const nouns = useTranslations("Terms.nouns");
  const [state, formAction] = useActionState(item ? editActionItemAction : addActionItemAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!item && state.status === "success") form.current?.reset();
  }, [state, item]);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const key = item ? `action-item-${item.id}` : "action-item-new";
  return (
    <form ref={form} key={JSON.stringify(values)} action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={labelledBy ? undefined : t("newForm")} aria-labelledby={labelledBy}>
      {item ? <input type="hidden" name="actionItemId" value={item.id} /> : <input type="hidden" name="incidentId" value={incidentId} />}
      <div className="sm:col-span-2">
        <Field form={key} name="title" label={t("title")} defaultValue={values.title ?? item?.title} autoComplete="off" error={fields.title} />
      </div>
      <Field form={key} name="owner" label={nouns("owner")} error={fields.owner}>
        {(props) => (
          <select name="owner" defaultValue={values.owner ?? item?.ownerEmail ?? ""} {...props}>
            <option value="">{t("choosePerson")}</option>
            {item && !people.some((p) => p.email === item.ownerEmail) ? (
              // Still the owner though no longer one who may be chosen: kept unless someone else is picked.
              <option value={item.ownerEmail} translate="no">
                {t("formerOwner", { name: item.ownerName })}
              </option>
            ) : null}
            {people.map((p) => (
              <option key={p.id} value={p.email} translate="no">
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={key} name="dueDate" label={t("due")} type="date" hint={t("dueHint")} defaultValue={values.dueDate ?? item?.dueOn} error={fields.dueDate} />
      {item ? (
        <Field form={key} name="status" label={nouns("status")} error={fields.status}>
          {(props) => (
            <select name="status" defaultValue={values.status ?? item.status} {...props}>
              {ACTION_ITEM_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`status.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field form={key} name="url" label={t("url")} type="url" defaultValue={values.url ?? item?.url ?? ""} error={fields.url} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>{item ? t("save") : t("add")}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
