import type { FormState } from "@/app/_actions/form-state";

/** The result of a form's action, announced politely to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" role="status" className="min-h-5 text-sm">
      {state.status === "error" ? <p className="text-danger">{state.message}</p> : null}
      {state.status === "success" ? <p className="text-success">{state.message}</p> : null}
    </div>
  );
}
