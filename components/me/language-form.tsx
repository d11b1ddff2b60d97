"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setLanguage } from "@/app/_actions/locale";
import { IDLE } from "@/app/_actions/form-state";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** `current`: the person's stored choice; null when their browser decides. */
export function LanguageForm({ current }: { current: Locale | null }) {
  const t = useTranslations("Language");
  const [state, action] = useActionState(setLanguage, IDLE);
  return (
    <section aria-labelledby="language-heading" className="mt-8 max-w-md space-y-3">
      <h2 id="language-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <form action={action} className="space-y-3">
        <Field name="locale" form="language" label={t("label")} hint={t("hint")} error={state.status === "error" ? state.fields.locale : undefined}>
          {(props) => (
            <select name="locale" defaultValue={current ?? "browser"} {...props}>
              <option value="browser">{t("browser")}</option>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale} translate="no">
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormMessage state={state} />
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </form>
    </section>
  );
}
