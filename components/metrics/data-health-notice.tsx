import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { userCan, type UserRole } from "@/lib/auth/roles";
import { cachedDataHealthCounts, weakeningTotal } from "@/lib/data-health/report";
import { DATA_HEALTH_CATEGORIES, DATA_HEALTH_PERMISSION, FAILED_DELIVERY_HOURS, LEAD_TIME_SANITY_DAYS, type DataHealthFilter } from "@/lib/data-health/rules";

/**
 * Above the figures, when something weakens them: how many things, per kind, and the way to the Data
 * health page. Only for the people that page is for; the counts come from a cache kept per data version.
 * A view of one team or service counts, and links to, what weakens that view's figures.
 */
export async function DataHealthNotice({ role, filter }: { role: UserRole; filter: DataHealthFilter }) {
  if (!userCan(role, DATA_HEALTH_PERMISSION)) return null;
  const counts = await cachedDataHealthCounts(getDatabase(), filter);
  const total = weakeningTotal(counts);
  if (total === 0) return null;
  const t = await getTranslations("DataHealth");
  return (
    <aside aria-label={t("notice.label")} data-testid="data-health-notice" className="mb-6 rounded-md border border-warning bg-warning-soft p-3 text-sm">
      <p className="font-medium">
        {t.rich("notice.text", {
          count: total,
          link: (chunks) => (
            <Link href={`/data-health${scopeQuery(filter)}`} className="font-semibold underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-muted">
        {DATA_HEALTH_CATEGORIES.filter((c) => counts[c] > 0).map((c) => (
          <li key={c}>{t(`${c}.short`, { count: counts[c], days: LEAD_TIME_SANITY_DAYS, hours: FAILED_DELIVERY_HOURS })}</li>
        ))}
      </ul>
    </aside>
  );
}

function scopeQuery(filter: DataHealthFilter): string {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  return query ? `?${query}` : "";
}
