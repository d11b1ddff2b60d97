"use client";

import { useState } from "react";
import { buttonClass } from "./styles";

/** Copies `text` and says so in words (announced), since a secret is often pasted straight into another app. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={buttonClass.secondary}
      aria-label={copied ? `${label}: copied` : label}
      onClick={async () => {
        await navigator.clipboard?.writeText(text);
        setCopied(true);
      }}
    >
      <span aria-hidden="true">{copied ? "Copied" : "Copy"}</span>
    </button>
  );
}
