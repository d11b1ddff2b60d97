/** Shared class lists, so every button, input and card looks and behaves alike. */
export const buttonClass = {
  primary:
    "inline-flex items-center justify-center gap-2 rounded-md bg-accent px-3 py-2 text-sm font-medium text-accent-fg hover:opacity-90 disabled:opacity-60",
  secondary:
    "inline-flex items-center justify-center gap-2 rounded-md border border-border bg-bg px-3 py-2 text-sm font-medium text-fg hover:bg-surface-2 disabled:opacity-60",
  danger:
    "inline-flex items-center justify-center gap-2 rounded-md border border-danger px-3 py-1.5 text-sm font-medium text-danger hover:bg-danger-soft disabled:opacity-60",
  ghost: "inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-fg hover:bg-surface-2",
} as const;

export const inputClass =
  "block w-full rounded-md border border-border bg-bg px-3 py-2 text-sm text-fg placeholder:text-muted aria-[invalid=true]:border-danger";

export const cardClass = "rounded-lg border border-border bg-surface p-4";

export const tableClass = "w-full border-collapse text-left text-sm [&_th]:border-b [&_th]:border-border [&_th]:px-3 [&_th]:py-2 [&_th]:font-medium [&_th]:text-muted [&_td]:border-b [&_td]:border-border [&_td]:px-3 [&_td]:py-2";
