import { useTranslations } from "next-intl";
import type { Change } from "@/lib/dora/compare";

/** Direction and amount against the previous period; the words say better or worse, colour only repeats it. */
export function ChangeIndicator({ change }: { change: Change }) {
  const t = useTranslations("Metrics.change");
  if (!change) return <span className="text-xs text-muted">{t("none")}</span>;
  const arrow = change.direction === "up" ? "▲" : change.direction === "down" ? "▼" : "▬";
  const verdict = change.better === null ? "same" : change.better ? "better" : "worse";
  const tone = change.better === null ? "text-muted" : change.better ? "text-success" : "text-danger";
  return (
    <span className={`text-xs font-medium ${tone}`}>
      <span aria-hidden="true">{arrow} </span>
      {t("verdict", { verdict, amount: t("amount", { unit: change.unit, value: change.value }) })}
    </span>
  );
}
