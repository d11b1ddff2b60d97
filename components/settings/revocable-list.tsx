import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_actions/form-state";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export type Revocable = { id: number; name: string; revokedAt: Date | null };

export type RevocableColumn<T> = { header: string; cell: (item: T) => React.ReactNode; className?: string };

/** What the revoke dialog says about one item: what stops working, and that it cannot be undone. */
export type RevokeWords = { trigger: React.ReactNode; title: React.ReactNode; confirm: string; body: React.ReactNode };

/**
 * A secret handed out once (an API token, a wall link, a calendar feed) listed by name with its own
 * columns, and a status that is either "revoked" or "active" with a revoke button behind a confirm
 * dialog. The name is data, marked so that translators and the Chinese sweep leave it alone.
 */
export function RevocableList<T extends Revocable>({
  label,
  nameCell = "rowheader",
  columns,
  items,
  action,
  revoke,
}: {
  /** The table's caption and its scroll region's name. */
  label: string;
  /** "cell" where specs and screen readers already know the name as a plain cell (tokens). */
  nameCell?: "rowheader" | "cell";
  /** The columns between the name and the status. */
  columns: RevocableColumn<T>[];
  items: T[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  revoke: (item: T) => RevokeWords;
}) {
  const t = useTranslations("Revocable");
  return (
    <TableScroll label={label}>
      <table className={tableClass}>
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
            <th scope="col">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const words = item.revokedAt ? undefined : revoke(item);
            return (
              <tr key={item.id}>
                {nameCell === "cell" ? (
                  <td className="font-medium" translate="no">
                    {item.name}
                  </td>
                ) : (
                  <th scope="row" className="font-medium" translate="no">
                    {item.name}
                  </th>
                )}
                {columns.map((c) => (
                  <td key={c.header} className={c.className}>
                    {c.cell(item)}
                  </td>
                ))}
                <td>
                  {words ? (
                    <div className="flex flex-wrap items-center gap-2">
                      <Badge tone="success">{t("active")}</Badge>
                      <ConfirmActionForm action={action} hidden={{ id: String(item.id) }} trigger={words.trigger} title={words.title} confirm={words.confirm}>
                        {words.body}
                      </ConfirmActionForm>
                    </div>
                  ) : (
                    <Badge tone="danger">{t("revoked")}</Badge>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
