import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/_http/session";
import { publicBaseUrl } from "@/lib/url";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { gateSteps } from "@/lib/api/gate-steps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ApiDocs"))("title") };
}

/** Code is not prose: translators and the Chinese sweep leave it as written. */
const codeTag = (chunks: React.ReactNode) => <code translate="no">{chunks}</code>;

function Example({ title, code, level = 2 }: { title: string; code: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={`${cardClass} min-w-0`} aria-label={title}>
      <Heading className="mb-2 font-semibold">{title}</Heading>
      <pre className="overflow-x-auto rounded-md bg-bg p-3 text-xs" tabIndex={0} translate="no">
        <code>{code}</code>
      </pre>
    </section>
  );
}

export default async function ApiDocsPage() {
  await requirePageUser();
  const base = publicBaseUrl(await headers());
  const t = await getTranslations("ApiDocs");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t.rich("description", { header: "Authorization: Bearer <token>", code: (chunks) => <span translate="no">{chunks}</span> })}
        actions={
          <a href="/api/v1/openapi.json" className="text-sm text-accent underline">
            {t("openApi")}
          </a>
        }
      />
      <p className="mb-6 max-w-prose text-sm">
        {t.rich("intro", {
          link: (chunks) => (
            <Link href="/settings" className="text-accent underline">
              {chunks}
            </Link>
          ),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Example
          title={t("examples.recordDeployment")}
          code={`curl -X POST ${base}/api/v1/deployments \\
  -H "Authorization: Bearer $TANDEM_TOKEN" -H "Content-Type: application/json" \\
  -d '{"service": "checkout", "environment": "production", "status": "success",
       "startedAt": "2026-11-22T10:00:00Z", "finishedAt": "2026-11-22T10:06:00Z",
       "sha": "'$GIT_SHA'", "version": "1.4.2", "externalId": "run-'$RUN_ID'"}'`}
        />
        <Example
          title={t("examples.declareIncident")}
          code={`curl -X POST ${base}/api/v1/incidents \\
  -H "Authorization: Bearer $TANDEM_TOKEN" -H "Content-Type: application/json" \\
  -d '{"title": "Checkout errors", "service": "checkout", "severity": "SEV2",
       "startedAt": "2026-11-22T10:15:00Z", "externalId": "INC-42"}'`}
        />
        <Example
          title={t("examples.readMetrics")}
          code={`curl -H "Authorization: Bearer $TANDEM_TOKEN" \\
  "${base}/api/v1/metrics?team=payments&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"`}
        />
        <Example
          title={t("examples.githubDeploy")}
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
          {t("gate.heading")}
        </h2>
        <p className="mb-4 max-w-prose text-sm">{t.rich("gate.intro", { code: codeTag, value: (chunks) => <strong translate="no">{chunks}</strong> })}</p>
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {gateSteps(base).map((step) => (
            <Example key={step.system} title={t(`gate.steps.${step.system}`)} code={step.code} level={3} />
          ))}
        </div>
      </section>
    </>
  );
}
