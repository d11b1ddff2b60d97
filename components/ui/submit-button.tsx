"use client";

import { useFormStatus } from "react-dom";
import { buttonClass } from "./styles";

export function SubmitButton({ children, pendingText, variant = "primary" }: { children: React.ReactNode; pendingText?: string; variant?: keyof typeof buttonClass }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass[variant]} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? "Saving…") : children}
    </button>
  );
}
