"use client";

import { Line, LineChart, ResponsiveContainer } from "recharts";

/** A tiny trend line; decorative, since the tile states the value in words. */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const data = values.map((value, i) => ({ i, value }));
  return (
    <div className="h-10 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }} accessibilityLayer={false}>
          <Line dataKey="value" stroke="var(--accent)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
