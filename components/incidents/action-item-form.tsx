/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useEffect, useRef } from "react";
import { addActionItemAction, editActionItemAction } from "@/app/_actions/action-items";
import { IDLE } from "@/app/_actions/form-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { STATUS_WORDS } from "./action-item-status";

type Person = { id: string; name: string; email: string };
type Item = { id: number; title: string; ownerEmail: string; dueOn: string; status: keyof typeof STATUS_WORDS; url: string | null };

/** Adds an action item to an incident (`item` absent) or changes one: title, owner, due day, status, link. */
export function ActionItemForm({ incidentId, item, people }: { incidentId: number; item?: Item; people: Person[] }) {
  const [state, formAction] = useActionState(item ? editActionItemAction : addActionItemAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!item && state.status === "success") form.current?.reset();
  }, [state, item]);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const key = item ? `action-item-${item.id}` : "action-item-new";
  const label = item ? `Edit action item ${item.title}` : "New action item";
  return (
    <form ref={form} key={JSON.stringify(values)} action={formAction} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={label}>
      {item ? <input type="hidden" name="actionItemId" value={item.id} /> : <input type="hidden" name="incidentId" value={incidentId} />}
      <div className="sm:col-span-2">
        <Field form={key} name="title" label="What needs doing" defaultValue={values.title ?? item?.title} autoComplete="off" error={fields.title} />
      </div>
      <Field form={key} name="owner" label="Owner" error={fields.owner}>
        {(props) => (
          <select name="owner" defaultValue={values.owner ?? item?.ownerEmail ?? ""} {...props}>
            <option value="">Choose a person</option>
            {people.map((p) => (
              <option key={p.id} value={p.email}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={key} name="dueDate" label="Due" type="date" hint="Overdue once this day has ended (UTC)." defaultValue={values.dueDate ?? item?.dueOn} error={fields.dueDate} />
      {item ? (
        <Field form={key} name="status" label="Status" error={fields.status}>
          {(props) => (
            <select name="status" defaultValue={values.status ?? item.status} {...props}>
              {Object.entries(STATUS_WORDS).map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field form={key} name="url" label="Link (optional)" type="url" placeholder="https://…" defaultValue={values.url ?? item?.url ?? ""} error={fields.url} />
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <SubmitButton>{item ? "Save action item" : "Add action item"}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
