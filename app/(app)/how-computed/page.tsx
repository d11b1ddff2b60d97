import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/_http/session";
import { LEVELS, type LevelMetric } from "@/lib/dora/levels";
import { levelThresholds } from "@/components/metrics/level-thresholds";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("HowComputed"))("title") };
}

/** The definitions in order: each its catalog section (HowComputed.sections) and paragraphs; a DORA key is titled by its Terms name. */
const SECTIONS = [
  { key: "scope", paragraphs: ["p1", "p2"] },
  { key: "deploymentFrequency", term: "deploymentFrequency", paragraphs: ["p1"] },
  { key: "leadTime", term: "leadTime", paragraphs: ["p1", "p2"] },
  { key: "changeFailureRate", term: "changeFailureRate", paragraphs: ["p1"] },
  { key: "recoveryTime", paragraphs: ["p1", "p2"] },
  { key: "reworkRate", paragraphs: ["p1"] },
  { key: "timeToRestore", paragraphs: ["p1"] },
  { key: "weekly", paragraphs: ["p1"] },
] as const;

const ROWS: LevelMetric[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "recoveryTime"];

export default async function HowComputedPage() {
  await requirePageUser();
  const t = await getTranslations("HowComputed");
  const term = await getTranslations("Terms");
  const bound = await getTranslations("Metrics.bound");
  const locale = await getLocale();
  // Code and names quoted in the definitions stay as they are written.
  const tags = { code: (chunks: React.ReactNode) => <code translate="no">{chunks}</code>, kept: (chunks: React.ReactNode) => <span translate="no">{chunks}</span> };
  const rowName: Record<LevelMetric, string> = {
    deploymentFrequency: term("metrics.deploymentFrequency"),
    leadTime: t("levels.leadTime"),
    changeFailureRate: term("metrics.changeFailureRate"),
    recoveryTime: t("levels.recoveryTime"),
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 lg:grid-cols-2">
        {SECTIONS.map((d) => (
          <section key={d.key} className={cardClass} aria-labelledby={`def-${d.key}`}>
            <h2 id={`def-${d.key}`} className="font-semibold">
              {"term" in d ? term(`metrics.${d.term}`) : t(`sections.${d.key}.title`)}
            </h2>
            {d.paragraphs.map((p) => (
              <p key={p} className="mt-2 text-sm">
                {t.rich(`sections.${d.key}.${p}` as "sections.scope.p1", tags)}
              </p>
            ))}
          </section>
        ))}
      </div>
      <section aria-labelledby="levels-heading" className="mt-8">
        <h2 id="levels-heading" className="mb-2 text-lg font-semibold">
          {t("levels.heading")}
        </h2>
        <p className="mb-3 max-w-prose text-sm text-muted">{t.rich("levels.intro", tags)}</p>
        <TableScroll label={t("levels.table")}>
          <table className={tableClass}>
            <caption className="sr-only">{t("levels.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("levels.metric")}</th>
                {LEVELS.map((l) => (
                  <th key={l} scope="col">
                    {term(`levels.${l}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map((metric) => {
                const thresholds = levelThresholds(metric, locale, (b, value) => bound(b, { value }));
                return (
                  <tr key={metric}>
                    <th scope="row">{rowName[metric]}</th>
                    {LEVELS.map((l) => (
                      <td key={l}>{thresholds[l]}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
