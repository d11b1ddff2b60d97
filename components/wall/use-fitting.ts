"use client";

import { useLayoutEffect, useState } from "react";

type Measured = { inputs: unknown[]; size: number; count: number };

/**
 * How many of the first `count` items of `list` fit, with everything else in `box`, without anything
 * being cut off: a TV cannot scroll, so a panel shows whole items (and, when `more` of `total` are left
 * out, a line saying so) rather than clipping one halfway. Measured again, from the full list and
 * before the browser paints, whenever `inputs` or the box's height change.
 */
export function useFitting({
  box,
  list,
  count,
  total,
  inputs,
}: {
  box: React.RefObject<HTMLElement | null>;
  list: React.RefObject<HTMLElement | null>;
  count: number;
  /** All there are, when the box shows an "and N more" line for those left out. */
  total?: number;
  inputs: unknown[];
}): number {
  const [size, setSize] = useState(0);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const current = measured && measured.size === size && measured.inputs.length === inputs.length && measured.inputs.every((v, i) => v === inputs[i]) ? measured.count : null;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);

  useLayoutEffect(() => {
    if (current !== null || !box.current) return;
    // Measuring the laid-out panel before paint is what a layout effect is for; it settles in one pass.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMeasured({ inputs, size, count: fitting(box.current, list.current, count, total) });
  }, [box, list, count, current, inputs, size, total]);

  return Math.min(current ?? count, count);
}

/** Drops items from the end of `list` until what overflows `box` (plus the "and N more" line, when it is still to come) is freed. */
function fitting(box: HTMLElement, list: HTMLElement | null, count: number, total: number | undefined): number {
  const items = list?.children;
  if (!list || !items || count === 0 || items.length < count) return count;
  const overflow = box.scrollHeight - box.clientHeight;
  if (overflow <= 0) return count;
  const reserve = count === total ? parseFloat(getComputedStyle(items[0]!).lineHeight) + 12 : 0;
  const end = (n: number) => (n === 0 ? list.getBoundingClientRect().top : items[n - 1]!.getBoundingClientRect().bottom);
  const needed = overflow + reserve;
  let n = count;
  while (n > 0 && end(count) - end(n) < needed) n--;
  return n;
}
