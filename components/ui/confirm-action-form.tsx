/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { useActionState, useId, useRef } from "react";
import { IDLE, type FormState } from "@/app/_actions/form-state";
import { buttonClass } from "./styles";

/**
 * A button for an action that cannot be undone: it opens a modal dialog that says what will stop
 * working, and only the dialog's own button sends the action. The native <dialog> keeps focus inside,
 * closes on Escape and starts on Cancel, so Enter on the first button never destroys anything.
 */
export function ConfirmActionForm({
  action,
  hidden,
  label,
  trigger,
  title,
  confirm,
  children,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  /** The form's accessible name, e.g. "Revoke e2e ingest". */
  label: string;
  /** The button that opens the dialog (may hold sr-only words naming the record). */
  trigger: React.ReactNode;
  title: React.ReactNode;
  /** The dialog's confirming button, e.g. "Revoke token". */
  confirm: string;
  /** What stops working, in plain words. */
  children: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
      <button ref={opener} type="button" className={buttonClass.danger} onClick={() => dialog.current?.showModal()} disabled={pending}>
        {trigger}
      </button>
      <span aria-live="polite" role="status" className="text-xs">
        {state.status === "error" ? <span className="text-danger">{state.message}</span> : null}
        {state.status === "success" ? <span className="text-success">{state.message}</span> : null}
      </span>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onClose={() => opener.current?.focus()}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-border bg-bg p-5 text-fg shadow-xl backdrop:bg-black/50"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={`${id}-body`} className="mt-2 space-y-2 text-sm">
          {children}
        </div>
        <form action={formAction} aria-label={label} onSubmit={() => dialog.current?.close()} className="mt-5 flex flex-wrap justify-end gap-2">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="button" autoFocus className={buttonClass.secondary} onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className={`${buttonClass.danger} bg-bg`}>
            {confirm}
          </button>
        </form>
      </dialog>
    </div>
  );
}
