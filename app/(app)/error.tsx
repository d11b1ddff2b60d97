/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import { buttonClass, cardClass } from "@/components/ui/styles";

/** Shown when a page fails to load: the cause stays in the server log, the user gets a way forward. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className={`${cardClass} max-w-xl`}>
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-muted">
        Tandem hit an error while reading the data. Nothing was changed. Try again; if it keeps happening, give an admin this
        reference: <span className="font-mono">{error.digest ?? "none"}</span>.
      </p>
      <button type="button" onClick={reset} className={`${buttonClass.primary} mt-4`}>
        Try again
      </button>
    </div>
  );
}
