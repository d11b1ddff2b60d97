import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import { Badge } from "@/components/ui/badge";

/**
 * One thing that weakens the figures: what it is, why it matters, how many there are, the first few of
 * them each with its way to the fix, and a note when more are left than shown.
 */
export function DataHealthSection({
  id,
  heading,
  explains,
  count,
  shown,
  footer,
  children,
}: {
  id: string;
  heading: string;
  explains: string;
  count: number;
  shown: number;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  const t = useTranslations("DataHealth");
  return (
    <section aria-labelledby={id} className={cardClass}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {heading}
        </h2>
        <Badge tone={count > 0 ? "warning" : "success"}>
          <span data-testid={`${id}-count`}>{t("count", { count })}</span>
        </Badge>
      </div>
      <p className="mt-1 text-sm text-muted">{explains}</p>
      {count > 0 ? (
        <>
          <ul className="mt-3 space-y-2 text-sm">{children}</ul>
          {count > shown ? <p className="mt-2 text-sm text-muted">{t("more", { count: count - shown })}</p> : null}
        </>
      ) : null}
      {footer ? <p className="mt-3 text-sm">{footer}</p> : null}
    </section>
  );
}
