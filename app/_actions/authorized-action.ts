import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDatabase } from "@/db/client";
import type { Database } from "@/db/database";
import { getCurrentUser, type CurrentUser } from "@/app/_http/session";
import { userCan, type Permission } from "@/lib/auth/roles";
import { AppError, invalid, unauthorized } from "@/lib/errors";
import { formErrors, type FieldLabels } from "@/lib/form-errors";
import type { FormState } from "./form-state";

type Success = { message: string; data?: Record<string, string> };

/** Fields never echoed back to the browser in an error state. */
const SECRET_FIELDS = new Set(["password", "credential"]);

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    // Next adds its own $ACTION_* fields to every form post.
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

function echoable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));
}

/**
 * The one wrapper every mutating server action goes through: validate (400) → authenticate (401)
 * → authorise (403) → run. Nothing is written unless all three pass.
 */
export function authorizedAction<S extends z.ZodType>(
  /** `labels`: the form's labels where a field key does not read as its label (see lib/form-errors.ts). */
  options: { schema: S; permission: Permission; doing: string; labels?: FieldLabels },
  run: (input: z.output<S>, ctx: { user: CurrentUser; db: Database }) => Promise<Success>,
) {
  return async function action(_previous: FormState, formData: FormData): Promise<FormState> {
    const values = formValues(formData);
    try {
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) throw invalid(parsed.error.issues);
      const user = await getCurrentUser();
      if (!user) throw unauthorized();
      if (!userCan(user.role, options.permission)) {
        throw new AppError("forbidden", `Your role (${user.role}) does not allow you to ${options.doing}.`);
      }
      const result = await run(parsed.data, { user, db: getDatabase() });
      return { status: "success", ...result };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        // Refused input is told field by field, in the form's words; other refusals already are sentences.
        const told = error.code === "bad_request" && error.fields && Object.keys(error.fields).length ? formErrors(error.fields, options.labels) : { message: error.message, fields: error.fields ?? {} };
        return { status: "error", ...told, values: echoable(values) };
      }
      console.error(`Server action failed while trying to ${options.doing}:`, error);
      return {
        status: "error",
        message: `Tandem could not ${options.doing}; nothing was saved. Try again.`,
        fields: {},
        values: echoable(values),
      };
    }
  };
}
