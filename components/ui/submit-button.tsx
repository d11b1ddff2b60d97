"use client";

import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { buttonClass } from "./styles";

export function SubmitButton({ children, pendingText, variant = "primary" }: { children: React.ReactNode; pendingText?: string; variant?: keyof typeof buttonClass }) {
  const t = useTranslations("Terms.actions");
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass[variant]} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? t("saving")) : children}
    </button>
  );
}
