import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/styles";

const idle = "inline-flex items-center justify-center gap-2 rounded-md border border-border px-3 py-2 text-sm font-medium text-muted";

/**
 * Newer / Older links between the pages of a drill-down (newest rows first). A side with no page shows
 * as plain text, marked disabled, and is left out of the tab order.
 */
export function DrilldownPager({ label, newerHref, olderHref }: { label: string; newerHref: string | null; olderHref: string | null }) {
  const t = useTranslations("Drilldown");
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2">
      {newerHref ? (
        <Link href={newerHref} rel="prev" className={buttonClass.secondary}>
          <span aria-hidden="true">←</span> {t("newer")}
        </Link>
      ) : (
        <span className={idle} aria-disabled="true">
          <span aria-hidden="true">←</span> {t("newer")}
        </span>
      )}
      {olderHref ? (
        <Link href={olderHref} rel="next" className={buttonClass.secondary}>
          {t("older")} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span className={idle} aria-disabled="true">
          {t("older")} <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
