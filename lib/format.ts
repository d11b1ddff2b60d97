/** Human units for the dashboard: what a person reads at a glance, not raw seconds or ratios. */

const trim = (n: number) => (n >= 10 ? Math.round(n).toString() : (Math.round(n * 10) / 10).toString());

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${trim(seconds / 60)} min`;
  if (seconds < 86_400 * 2) return `${trim(seconds / 3600)} h`;
  return `${trim(seconds / 86_400)} d`;
}

export function formatPercent(rate: number | null): string {
  if (rate === null) return "—";
  const pct = rate * 100;
  return `${pct > 0 && pct < 1 ? pct.toFixed(1) : Math.round(pct)} %`;
}

/** Per day when at least daily, else per week, else per month. */
export function formatFrequency(perDay: number): string {
  if (perDay >= 1) return `${trim(perDay)} / day`;
  if (perDay * 7 >= 1) return `${trim(perDay * 7)} / week`;
  return `${trim(perDay * 30)} / month`;
}

/** At most `max` characters of `text`, with "…" when cut (never inside a surrogate pair). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
