import type { ChangeStatus, DeploymentStatus, IncidentStatus, Severity } from "@/db/schema";
import { useTranslations } from "next-intl";
import { Badge, type Tone } from "./badge";

const DEPLOYMENT_TONES: Record<DeploymentStatus, Tone> = {
  queued: "neutral",
  in_progress: "accent",
  success: "success",
  failure: "danger",
  cancelled: "neutral",
};
const SEVERITY_TONES: Record<Severity, Tone> = { SEV1: "danger", SEV2: "danger", SEV3: "warning", SEV4: "neutral" };
const INCIDENT_TONES: Record<IncidentStatus, Tone> = {
  investigating: "danger",
  identified: "warning",
  monitoring: "accent",
  resolved: "success",
};
const CHANGE_TONES: Record<ChangeStatus, Tone> = {
  draft: "neutral",
  pending_approval: "warning",
  approved: "accent",
  rejected: "danger",
  implemented: "success",
  failed: "danger",
  cancelled: "neutral",
};

/* A status reads in the page's language (catalog "Terms"); the tone carries no meaning the word does not. */
export function DeploymentStatusBadge({ status }: { status: DeploymentStatus }) {
  const t = useTranslations("Terms.deploymentStatus");
  return <Badge tone={DEPLOYMENT_TONES[status]}>{t(status)}</Badge>;
}
export const SeverityBadge = ({ severity }: { severity: Severity }) => <Badge tone={SEVERITY_TONES[severity]}>{severity}</Badge>;
export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const t = useTranslations("Terms.incidentStatus");
  return <Badge tone={INCIDENT_TONES[status]}>{t(status)}</Badge>;
}
export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  const t = useTranslations("Terms.changeStatus");
  return <Badge tone={CHANGE_TONES[status]}>{t(status)}</Badge>;
}
