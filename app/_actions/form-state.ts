/** What every form's server action returns to `useActionState`. */
export type FormState =
  | { status: "idle" }
  | { status: "success"; message: string; data?: Record<string, string> }
  | { status: "error"; message: string; fields: Record<string, string>; values?: Record<string, string> };

export const IDLE: FormState = { status: "idle" };
