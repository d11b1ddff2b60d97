"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, type ValueFormat } from "./value-format";

export type TrendPoint = { label: string; value: number | null; href?: string };

const axis = { stroke: "var(--muted)", fontSize: 12, tickLine: false };

/**
 * Every chart of Tandem goes through this wrapper: colours from the theme's CSS variables, values in
 * human units, and the figures also as a table for screen readers. Clicking a point opens its rows.
 */
export function TrendChart({ title, points, kind, format, height = 220 }: { title: string; points: TrendPoint[]; kind: "bar" | "line"; format: ValueFormat; height?: number }) {
  const open = (index: number | undefined) => {
    const href = index === undefined ? undefined : points[index]?.href;
    if (href) window.location.assign(href);
  };
  const common = {
    data: points,
    margin: { top: 8, right: 8, bottom: 0, left: 0 },
    // The figures are reachable as a table below; the SVG itself stays out of the tab order.
    accessibilityLayer: false,
    onClick: (state: { activeTooltipIndex?: number | string | null }) => open(state.activeTooltipIndex == null ? undefined : Number(state.activeTooltipIndex)),
  };
  const children = (
    <>
      <CartesianGrid stroke="var(--border)" vertical={false} />
      <XAxis dataKey="label" {...axis} />
      <YAxis {...axis} width={56} tickFormatter={(v: number) => formatValue(format, v)} />
      <Tooltip
        formatter={(v) => [formatValue(format, typeof v === "number" ? v : null), title]}
        contentStyle={{ background: "var(--bg)", border: "1px solid var(--border)", color: "var(--fg)" }}
        labelStyle={{ color: "var(--fg)" }}
        cursor={{ fill: "var(--surface-2)" }}
      />
    </>
  );
  return (
    <figure className="rounded-lg border border-border bg-surface p-4">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div style={{ height }} aria-hidden="true" className={points.some((p) => p.href) ? "cursor-pointer" : undefined}>
        <ResponsiveContainer width="100%" height="100%">
          {kind === "bar" ? (
            <BarChart {...common}>
              {children}
              <Bar dataKey="value" fill="var(--accent)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          ) : (
            <LineChart {...common}>
              {children}
              <Line dataKey="value" stroke="var(--accent)" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted">Show the figures</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <tbody>
            {points.map((p) => (
              <tr key={p.label} className="border-b border-border">
                <th scope="row" className="py-1 font-normal">
                  {p.label}
                </th>
                <td className="py-1">{p.href ? <a className="text-accent underline" href={p.href}>{formatValue(format, p.value)}</a> : formatValue(format, p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
