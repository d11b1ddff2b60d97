"use client";

import { useTranslations } from "next-intl";
import { buttonClass, cardClass } from "@/components/ui/styles";

/** Shown when a page fails to load: the cause stays in the server log, the user gets a way forward. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorPages.pageError");
  const none = useTranslations("Terms.states")("none");
  return (
    <div role="alert" className={`${cardClass} max-w-xl`}>
      <h1 className="text-lg font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-sm text-muted">
        {t.rich("body", {
          reference: error.digest ?? none,
          ref: (chunks) => (
            <span className="font-mono" translate={error.digest ? "no" : undefined}>
              {chunks}
            </span>
          ),
        })}
      </p>
      <button type="button" onClick={reset} className={`${buttonClass.primary} mt-4`}>
        {t("retry")}
      </button>
    </div>
  );
}
