import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requirePageUser } from "@/app/_http/session";
import { publicBaseUrl } from "@/lib/url";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "API" };

function Example({ title, code }: { title: string; code: string }) {
  return (
    <section className={cardClass} aria-label={title}>
      <h2 className="mb-2 font-semibold">{title}</h2>
      <pre className="overflow-x-auto rounded-md bg-bg p-3 text-xs" tabIndex={0}>
        <code>{code}</code>
      </pre>
    </section>
  );
}

export default async function ApiDocsPage() {
  await requirePageUser();
  const base = publicBaseUrl(await headers());
  return (
    <>
      <PageHeader
        title="API"
        description="Feed Tandem from CI/CD and paging tools, or read its figures. Every request carries a token: Authorization: Bearer <token>."
        actions={
          <a href="/api/v1/openapi.json" className="text-sm text-accent underline">
            OpenAPI description (JSON)
          </a>
        }
      />
      <p className="mb-6 max-w-prose text-sm">
        Admins create tokens in <Link href="/settings" className="text-accent underline">Settings</Link>: <strong>ingest</strong> to record,{" "}
        <strong>read</strong> to read, <strong>admin</strong> for both. Webhooks of GitHub, GitLab, PagerDuty, Opsgenie, Alertmanager and CDEvents need no
        code at all: add an integration in Settings and paste its URL and secret into the tool.
      </p>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Example
          title="Record a deployment"
          code={`curl -X POST ${base}/api/v1/deployments \\
  -H "Authorization: Bearer $TANDEM_TOKEN" -H "Content-Type: application/json" \\
  -d '{"service": "checkout", "environment": "production", "status": "success",
       "startedAt": "2026-11-22T10:00:00Z", "finishedAt": "2026-11-22T10:06:00Z",
       "sha": "'$GIT_SHA'", "version": "1.4.2", "externalId": "run-'$RUN_ID'"}'`}
        />
        <Example
          title="Declare an incident"
          code={`curl -X POST ${base}/api/v1/incidents \\
  -H "Authorization: Bearer $TANDEM_TOKEN" -H "Content-Type: application/json" \\
  -d '{"title": "Checkout errors", "service": "checkout", "severity": "SEV2",
       "startedAt": "2026-11-22T10:15:00Z", "externalId": "INC-42"}'`}
        />
        <Example
          title="Read the metrics of a team"
          code={`curl -H "Authorization: Bearer $TANDEM_TOKEN" \\
  "${base}/api/v1/metrics?team=payments&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"`}
        />
        <Example
          title="GitHub Actions: record each production deploy"
          code={`- name: Tell Tandem
  if: always()
  run: |
    curl -sf -X POST "${base}/api/v1/deployments" \\
      -H "Authorization: Bearer \${{ secrets.TANDEM_TOKEN }}" \\
      -H "Content-Type: application/json" \\
      -d '{"service": "\${{ github.event.repository.name }}",
           "status": "\${{ job.status == 'success' && 'success' || 'failure' }}",
           "finishedAt": "'$(date -u +%Y-%m-%dT%H:%M:%SZ)'",
           "sha": "\${{ github.sha }}",
           "externalId": "gha-\${{ github.run_id }}-\${{ github.run_attempt }}"}'`}
        />
      </div>
    </>
  );
}
