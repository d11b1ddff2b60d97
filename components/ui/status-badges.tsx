import type { ChangeStatus, DeploymentStatus, IncidentStatus, Severity } from "@/db/schema";
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

const words = (s: string) => s.replace(/_/g, " ");

export const DeploymentStatusBadge = ({ status }: { status: DeploymentStatus }) => <Badge tone={DEPLOYMENT_TONES[status]}>{words(status)}</Badge>;
export const SeverityBadge = ({ severity }: { severity: Severity }) => <Badge tone={SEVERITY_TONES[severity]}>{severity}</Badge>;
export const IncidentStatusBadge = ({ status }: { status: IncidentStatus }) => <Badge tone={INCIDENT_TONES[status]}>{status}</Badge>;
export const ChangeStatusBadge = ({ status }: { status: ChangeStatus }) => <Badge tone={CHANGE_TONES[status]}>{words(status)}</Badge>;
