import { useTranslations } from "next-intl";
import type { Level } from "@/lib/dora/levels";
import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<Level, Tone> = { elite: "success", high: "accent", medium: "warning", low: "danger" };

/**
 * The DORA level in words; focus or hover shows the thresholds it was judged against. The thresholds
 * are display:none until then (aria-describedby still reads them): a merely invisible box keeps its
 * width and made every page with a badge scroll sideways. They open leftwards, as the badge sits at
 * the right edge of its tile.
 */
export function LevelBadge({ level, thresholds, id }: { level: Level | null; thresholds?: Record<Level, string>; id: string }) {
  const t = useTranslations("Metrics.level");
  const name = useTranslations("Terms.levels");
  if (level === null) return <Badge>{t("none")}</Badge>;
  if (!thresholds) return <Badge tone={TONE[level]}>{name(level)}</Badge>;
  return (
    <span className="group relative inline-block">
      <span tabIndex={0} aria-describedby={`${id}-thresholds`} className="rounded">
        <Badge tone={TONE[level]}>{name(level)}</Badge>
      </span>
      <span
        role="tooltip"
        id={`${id}-thresholds`}
        className="absolute right-0 top-full z-30 mt-1 hidden w-60 max-w-[calc(100vw-2rem)] rounded-md border border-border bg-bg p-2 text-xs text-fg shadow-lg group-focus-within:block group-hover:block"
      >
        {(Object.entries(thresholds) as [Level, string][]).map(([l, text]) => (
          <span key={l} className={`block ${l === level ? "font-semibold" : ""}`}>
            {t("line", { level: name(l), threshold: text })}
          </span>
        ))}
      </span>
    </span>
  );
}
