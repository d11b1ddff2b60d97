/** How a figure moved against the previous period of the same length, and whether that is good. */
export type Change = { direction: "up" | "down" | "flat"; amount: string; better: boolean | null } | null;

/**
 * `kind: "ratio"` compares in percentage points (12 % → 15 % is +3 pp); other figures by relative
 * change. Null when either side is unmeasured, or the previous value is 0 for a relative change.
 */
export function compare(current: number | null, previous: number | null, higherIsBetter: boolean, kind: "ratio" | "relative"): Change {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  if (kind === "relative" && previous === 0) return null;
  const magnitude = kind === "ratio" ? Math.abs(delta) * 100 : (Math.abs(delta) / previous) * 100;
  const rounded = Math.round(magnitude);
  if (rounded === 0) return { direction: "flat", amount: kind === "ratio" ? "0 pp" : "0 %", better: null };
  const direction = delta > 0 ? "up" : "down";
  return { direction, amount: kind === "ratio" ? `${rounded} pp` : `${rounded} %`, better: delta > 0 === higherIsBetter };
}
