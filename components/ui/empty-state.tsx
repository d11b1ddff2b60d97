import { cardClass } from "./styles";

/** What a page shows when there is nothing yet: says what to do next, never just "no data". */
export function EmptyState({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className={`${cardClass} py-10 text-center`}>
      <h2 className="text-lg font-medium">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-sm text-muted">{children}</div>
    </div>
  );
}
