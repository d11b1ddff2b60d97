/**
 * A table that may scroll sideways on small screens; focusable so keyboard users can scroll it too.
 * `relative` makes it the containing block of the table's absolutely placed text (the `sr-only`
 * labels in its cells), which would otherwise escape the scroll box and widen the whole page.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
