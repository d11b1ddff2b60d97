/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requirePageUser } from "@/app/_http/session";
import { publicBaseUrl } from "@/lib/url";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { gateSteps } from "@/lib/api/gate-steps";

export const metadata: Metadata = { title: "API" };

function Example({ title, code, level = 2 }: { title: string; code: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={`${cardClass} min-w-0`} aria-label={title}>
      <Heading className="mb-2 font-semibold">{title}</Heading>
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
      <section aria-labelledby="gate-heading" className="mt-10">
        <h2 id="gate-heading" className="mb-2 text-lg font-semibold">
          The gate: let Tandem decide whether a deployment may start
        </h2>
        <p className="mb-4 max-w-prose text-sm">
          Put one of these steps before the deploy step. It asks <code>POST /api/v1/gate</code> with an ingest token, prints Tandem&apos;s decision and every reason, and
          fails the step unless the decision is <strong>allow</strong>: the gate answers 200 whatever it decides, so the step checks the decision itself (
          <code>jq -e</code>), while <code>curl --fail-with-body</code> fails it on a refused question (a bad token, a malformed body) and prints the error. Set{" "}
          <code>CHANGE_REQUEST</code> to the approved change request the deployment implements. Each service&apos;s page sets which environments require one.
        </p>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {gateSteps(base).map((step) => (
            <Example key={step.title} title={step.title} code={step.code} level={3} />
          ))}
        </div>
      </section>
    </>
  );
}
