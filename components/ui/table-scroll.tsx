/** A table that may scroll sideways on small screens; focusable so keyboard users can scroll it too. */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
