/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import { requirePageUser } from "@/app/_http/session";
import { LEVEL_THRESHOLDS, LEVELS } from "@/lib/dora/levels";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "How is this computed?" };

const DEFINITIONS: { title: string; body: string[] }[] = [
  {
    title: "Scope and window",
    body: [
      "A view covers the deployments of one environment (production unless you choose another) of the services you filter by service or team (all by default), inside the window [from, to) — the last 30 days unless you choose otherwise.",
      "D is the set of those deployments that succeeded and finished inside the window. Medians and 90th percentiles interpolate linearly between ranks, like SQL's PERCENTILE_CONT.",
    ],
  },
  {
    title: "Deployment frequency",
    body: ["The number of deployments in D, per day and per week of the window, and on how many distinct UTC dates they happened. With no deployments it is 0 per day, level low."],
  },
  {
    title: "Lead time for changes",
    body: [
      "A commit is delivered by the earliest successful deployment of its service (in the chosen environment) that lists it. For each commit whose delivering deployment is in D, the lead time is from the commit's timestamp (the earliest any source gave) to that deployment finishing. Leads of zero or less are left out.",
      "The tile shows the median and the 90th percentile, and how many changes were measured.",
    ],
  },
  {
    title: "Change failure rate",
    body: ["A deployment in D is a failed change when an incident names it as its cause, a successful deployment rolls it back, or someone marked it as failed. The rate is failed changes divided by the deployments in D."],
  },
  {
    title: "Failed deployment recovery time",
    body: [
      "For each failed change, recovery is the earliest of (a) a successful deployment rolling it back finishing and (b) all the incidents it caused being resolved (the latest resolution). Only when it has neither a rollback nor incidents, (c) the next successful deployment of the same service and environment counts.",
      "The tile shows the median time from the failed deployment finishing to recovery, with how many failures recovered and how many have not yet.",
    ],
  },
  { title: "Rework rate", body: ["The share of D that was unplanned (a hotfix) or a rollback. DORA publishes no levels for it."] },
  {
    title: "Time to restore and time to acknowledge",
    body: ["Over every incident of the services in scope that started in the window, whatever its cause: the median time from start to resolution of those resolved, and from start to acknowledgement of those acknowledged."],
  },
  {
    title: "Weekly series",
    body: ["One entry per ISO week (Monday 00:00 UTC) that overlaps the window; a week cut by the window's edges counts only its part inside the window."],
  },
];

const LABELS = { deploymentFrequency: "Deployment frequency", leadTime: "Lead time (median)", changeFailureRate: "Change failure rate", recoveryTime: "Recovery time (median)" } as const;

export default async function HowComputedPage() {
  await requirePageUser();
  return (
    <>
      <PageHeader title="How is this computed?" description="Every figure on the dashboards, the API and the wall follows these definitions; the same code computes them all." />
      <div className="grid gap-4 lg:grid-cols-2">
        {DEFINITIONS.map((d) => (
          <section key={d.title} className={cardClass} aria-labelledby={`def-${d.title}`}>
            <h2 id={`def-${d.title}`} className="font-semibold">
              {d.title}
            </h2>
            {d.body.map((p) => (
              <p key={p} className="mt-2 text-sm">
                {p}
              </p>
            ))}
          </section>
        ))}
      </div>
      <section aria-labelledby="levels-heading" className="mt-8">
        <h2 id="levels-heading" className="mb-2 text-lg font-semibold">
          Performance levels
        </h2>
        <p className="mb-3 max-w-prose text-sm text-muted">
          The levels follow the performance clusters of DORA&apos;s 2023 Accelerate State of DevOps report (elite, high, medium, low); rework rate and time to
          restore have none.
        </p>
        <TableScroll label="Thresholds of each level">
          <table className={tableClass}>
            <caption className="sr-only">Thresholds of each level</caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                {LEVELS.map((l) => (
                  <th key={l} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((k) => (
                <tr key={k}>
                  <th scope="row">{LABELS[k]}</th>
                  {LEVELS.map((l) => (
                    <td key={l}>{LEVEL_THRESHOLDS[k][l]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
