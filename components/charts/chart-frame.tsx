import { useTranslations } from "next-intl";

/** The frame every chart shares: a caption, the plot (hidden from screen readers) and its figures as a table. */
export function ChartFrame({
  title,
  height,
  clickable,
  plot,
  table,
}: {
  title: string;
  height: number;
  clickable: boolean;
  plot: React.ReactNode;
  table: { columns: { key: string; label: React.ReactNode }[]; rows: { key: string; cells: React.ReactNode[] }[] };
}) {
  const t = useTranslations("Charts");
  return (
    <figure className="rounded-lg border border-border bg-surface p-4">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div style={{ height }} aria-hidden="true" className={clickable ? "cursor-pointer" : undefined}>
        {plot}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted">{t("showFigures")}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className="py-1 font-medium">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key} className="border-b border-border">
                {r.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="py-1 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="py-1">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
