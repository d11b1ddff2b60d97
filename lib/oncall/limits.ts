/** Shift lengths that keep hand-overs at the same local times: divisors of a day, or whole days up to four weeks. */
export const SHIFT_HOURS = [1, 2, 3, 4, 6, 8, 12, ...Array.from({ length: 28 }, (_, i) => (i + 1) * 24)] as const;
