"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/app/_actions/form-state";

/**
 * A one-row form (a select and a button, say) that reports its own outcome beside it. Named by `label`,
 * or by the element `labelledBy` when its name holds data (a freeze's name), which the page marks translate="no".
 */
export function InlineActionForm({
  action,
  hidden,
  children,
  label,
  labelledBy,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  children: React.ReactNode;
  /** The form's name, or (`labelledBy`) the id of an element that names it, so a record's name in it can be marked translate="no". */
  label?: string;
  labelledBy?: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} aria-label={label} aria-labelledby={labelledBy} className="flex flex-wrap items-center gap-2" aria-busy={pending}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <span aria-live="polite" role="status" className="text-xs">
        {state.status === "error" ? <span className="text-danger">{state.message}</span> : null}
        {state.status === "success" ? <span className="text-success">{state.message}</span> : null}
      </span>
    </form>
  );
}
