/** Recharts styling from the theme's CSS variables, shared by every chart. */
export const axis = { stroke: "var(--muted)", fontSize: 12, tickLine: false };
export const tooltipStyle = {
  contentStyle: { background: "var(--bg)", border: "1px solid var(--border)", color: "var(--fg)" },
  labelStyle: { color: "var(--fg)" },
};
export const seriesColour = (i: number) => `var(--chart-${(i % 8) + 1})`;
