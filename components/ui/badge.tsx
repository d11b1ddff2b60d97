const TONES = {
  neutral: "bg-surface-2 text-fg",
  accent: "bg-accent-soft text-fg",
  success: "bg-success-soft text-fg",
  warning: "bg-warning-soft text-fg",
  danger: "bg-danger-soft text-fg",
} as const;
export type Tone = keyof typeof TONES;

/** Status is carried by the text; the tone only reinforces it (never colour alone). */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}
