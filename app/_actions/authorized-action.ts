import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDatabase } from "@/db/client";
import type { Database } from "@/db/database";
import { getCurrentUser, type CurrentUser } from "@/app/_http/session";
import { userCan, type Permission } from "@/lib/auth/roles";
import { AppError, invalid } from "@/lib/errors";
import { formErrors, formErrorsIn, type FieldLabels, type Translate } from "@/lib/form-errors";
import type { FormState } from "./form-state";
import { actionLanguage, doingKey } from "./speak";

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

/** What the action does, in the catalog's words (`Doing`); an action added since the catalog was written reads as written in English, or not at all. */
function doingIn(t: Translate, locale: string, doing: string): string | undefined {
  const key = `Doing.${doingKey(doing)}`;
  if (t.has(key)) return t(key);
  return locale === "en" ? doing : undefined;
}

/**
 * The one wrapper every mutating server action goes through: validate (400) → authenticate (401)
 * → authorise (403) → run. Nothing is written unless all three pass. Refusals are told in the page's
 * language (app/_actions/speak.ts); the rules and the API keep their English.
 */
export function authorizedAction<S extends z.ZodType>(
  /** `labels`: the form's English labels where a field key does not read as its label (see lib/form-errors.ts); other languages use the catalog's `Fields`. */
  options: { schema: S; permission: Permission; doing: string; labels?: FieldLabels },
  run: (input: z.output<S>, ctx: { user: CurrentUser; db: Database }) => Promise<Success>,
) {
  return async function action(_previous: FormState, formData: FormData): Promise<FormState> {
    const values = formValues(formData);
    const refuse = (message: string): FormState => ({ status: "error", message, fields: {}, values: echoable(values) });
    let user: CurrentUser | null | undefined;
    try {
      const parsed = options.schema.safeParse(values);
      if (!parsed.success) throw invalid(parsed.error.issues);
      user = await getCurrentUser();
      if (!user) return refuse((await actionLanguage()).t("Forms.signInFirst"));
      if (!userCan(user.role, options.permission)) {
        const { locale, t } = await actionLanguage();
        const role = t(`Shell.roles.${user.role}`);
        const doing = doingIn(t, locale, options.doing);
        return refuse(doing ? t("Forms.forbidden", { role, doing }) : t("Forms.forbiddenAnything", { role }));
      }
      const result = await run(parsed.data, { user, db: getDatabase() });
      return { status: "success", ...result };
    } catch (error) {
      unstable_rethrow(error);
      const { locale, t } = await actionLanguage();
      if (error instanceof AppError) {
        const fields = error.fields ?? {};
        if (!Object.keys(fields).length) {
          // A rule's refusal says itself in the reader's language where the rule gave it words (AppError#saying).
          const said = locale !== "en" && error.say && t.has(`Refusals.${error.say.key}`) ? t(`Refusals.${error.say.key}`, error.say.values) : error.message;
          return { status: "error", message: said, fields, values: echoable(values) };
        }
        // Refused input is told field by field, in the form's words; in English other refusals already are sentences.
        const told = locale !== "en" ? formErrorsIn(t, locale, fields) : error.code === "bad_request" ? formErrors(fields, options.labels) : { message: error.message, fields };
        return { status: "error", ...told, values: echoable(values) };
      }
      console.error(`Server action failed while trying to ${options.doing}:`, error);
      const doing = doingIn(t, locale, options.doing);
      return refuse(doing ? t("Forms.failed", { doing }) : t("Forms.failedAnything"));
    }
  };
}
