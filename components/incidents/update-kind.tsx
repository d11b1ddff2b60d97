import Link from "next/link";
import { useTranslations } from "next-intl";
import type { IncidentStatus, IncidentUpdateKind } from "@/db/schema";

const data = (chunks: React.ReactNode) => <span translate="no">{chunks}</span>;

/** What an Updates entry did, in words (catalog "IncidentPage.updateKinds"); a linked cause links to its deployment. */
export function UpdateKind({ update: u }: { update: { kind: IncidentUpdateKind; status: string | null; body: string | null } }) {
  const t = useTranslations("IncidentPage");
  const statuses = useTranslations("Terms.incidentStatus");
  const status = u.status ? statuses(u.status as IncidentStatus) : "—";
  switch (u.kind) {
    case "note":
      return null;
    case "status":
    case "declared":
      return t(`updateKinds.${u.kind}`, { status });
    case "correction":
    case "acknowledged":
    case "postmortem":
      return t(`updateKinds.${u.kind}`);
    case "lead":
    case "communications":
      return u.body ? t.rich(`updateKinds.${u.kind}`, { name: u.body, data }) : t(`updateKindsCleared.${u.kind}`);
    case "severity":
    case "service":
      return t.rich(`updateKinds.${u.kind}`, { change: u.body ?? "—", data });
    case "cause":
      return u.body
        ? t.rich("updateKinds.cause", {
            id: u.body,
            link: (chunks) => (
              <Link href={`/deployments/${u.body}`} className="text-accent underline">
                {chunks}
              </Link>
            ),
          })
        : t("updateKindsCleared.cause");
  }
}
