/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
"use client";

import "./globals.css";

/** Last resort when even the root layout fails; must render its own <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center p-4 font-sans">
        <div role="alert" className="max-w-md rounded-lg border border-border bg-surface p-4">
          <h1 className="text-xl font-semibold">Tandem could not load</h1>
          <p className="mt-2 text-sm text-muted">Reference: {error.digest ?? "none"}. Nothing was changed.</p>
          <button type="button" onClick={reset} className="mt-4 rounded-md bg-accent px-3 py-2 text-sm text-accent-fg">
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
