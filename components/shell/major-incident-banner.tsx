import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * While any SEV1 or SEV2 is open, every page says so (and links to it) in one line: the first incident's
 * title gives way (cut with "…") before the count and the link to the others, so on a phone the page's
 * own content still starts near the top; the incident's page holds the details.
 */
export function MajorIncidentBanner({ incidents }: { incidents: { id: number; title: string; severity: string }[] }) {
  const t = useTranslations("MajorIncident");
  const [first] = incidents;
  if (!first) return null;
  return (
    <div role="alert" className="flex items-baseline gap-1 overflow-hidden whitespace-nowrap border-b border-danger bg-danger-soft px-4 py-2 text-sm">
      {t.rich("open", {
        count: incidents.length,
        more: incidents.length - 1,
        strong: (chunks) => <strong className="shrink-0">{chunks}</strong>,
        first: () => (
          <Link href={`/incidents/${first.id}`} className="min-w-0 truncate underline" translate="no">
            {first.severity} {first.title}
          </Link>
        ),
        others: (chunks) => (
          <Link href="/incidents" className="shrink-0 underline">
            {chunks}
          </Link>
        ),
      })}
    </div>
  );
}
