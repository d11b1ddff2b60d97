"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./styles";

/** Copies `text` and says so in words (announced), since a secret is often pasted straight into another app. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={buttonClass.secondary}
      aria-label={copied ? t("UI.copiedLabel", { label }) : label}
      onClick={async () => {
        await navigator.clipboard?.writeText(text);
        setCopied(true);
      }}
    >
      <span aria-hidden="true">{copied ? t("Terms.actions.copied") : t("Terms.actions.copy")}</span>
    </button>
  );
}
