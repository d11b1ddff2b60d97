/* eslint-disable react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Change } from "@/lib/dora/compare";

/** Direction and amount against the previous period; the words say better or worse, colour only repeats it. */
export function ChangeIndicator({ change }: { change: Change }) {
  if (!change) return <span className="text-xs text-muted">no previous figure to compare</span>;
  const arrow = change.direction === "up" ? "▲" : change.direction === "down" ? "▼" : "▬";
  const verdict = change.better === null ? "same as" : change.better ? "better than" : "worse than";
  const tone = change.better === null ? "text-muted" : change.better ? "text-success" : "text-danger";
  return (
    <span className={`text-xs font-medium ${tone}`}>
      <span aria-hidden="true">{arrow} </span>
      {change.direction === "flat" ? "" : `${change.amount} `}
      {verdict} the previous period
    </span>
  );
}
