/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getDatabase } from "@/db/client";
import { findIntegration, listDeliveries } from "@/db/queries/integrations";
import { setIntegrationEnabled } from "@/app/_actions/integrations";
import { requirePageUser } from "@/app/_http/session";
import { publicBaseUrl } from "@/lib/url";
import { configToForm } from "@/lib/webhooks/config-form";
import { integrationConfig, webhookPath } from "@/lib/webhooks/integrations";
import { DeliveryLog } from "@/components/settings/delivery-log";
import { IntegrationConfigForm } from "@/components/settings/integration-config-form";
import { IntegrationGateForm } from "@/components/settings/integration-gate-form";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass, inputClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Integration" };

export default async function IntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("manage");
  const { id } = await params;
  const db = getDatabase();
  const integration = /^\d+$/.test(id) ? await findIntegration(db.read, Number(id)) : undefined;
  if (!integration) notFound();
  const url = `${publicBaseUrl(await headers())}${webhookPath(integration)}`;
  const config = integrationConfig(integration);
  return (
    <>
      <PageHeader title={integration.name} description={`${integration.source} integration · ${integration.disabledAt ? "disabled" : "active"}`} />
      <div className="space-y-8">
        <div className="space-y-2">
          <label htmlFor="webhook-url" className="block text-sm font-medium">
            Webhook URL
          </label>
          <input id="webhook-url" readOnly value={url} className={`${inputClass} max-w-2xl font-mono`} />
          <InlineActionForm action={setIntegrationEnabled} hidden={{ id: String(integration.id), enabled: String(Boolean(integration.disabledAt)) }} label="Enable or disable">
            <button type="submit" className={integration.disabledAt ? buttonClass.secondary : buttonClass.danger}>
              {integration.disabledAt ? "Enable" : "Disable"} integration
            </button>
          </InlineActionForm>
        </div>
        <section aria-labelledby="mappings">
          <h2 id="mappings" className="mb-3 text-lg font-semibold">
            Mappings
          </h2>
          <IntegrationConfigForm id={integration.id} values={configToForm(config)} />
        </section>
        {integration.source === "github" || integration.source === "gitlab" ? (
          <section aria-labelledby="gate">
            <h2 id="gate" className="mb-1 text-lg font-semibold">
              Deployment gate
            </h2>
            <p className="mb-3 text-sm text-muted">
              {integration.source === "github"
                ? "Answer deployment protection rules: Tandem approves a waiting deployment as soon as its gate allows it. Name a change request with change:123 in the deployment's description or {\"change\": 123} in its payload."
                : "Approve blocked deployments of protected environments as soon as Tandem's gate allows them. Name a change request with change:123 in the commit title."}
            </p>
            <IntegrationGateForm id={integration.id} source={integration.source} appId={config.appId} apiBaseUrl={config.apiBaseUrl} hasCredential={integration.credentialSealed !== null} />
          </section>
        ) : null}
        <section aria-labelledby="deliveries">
          <h2 id="deliveries" className="mb-3 text-lg font-semibold">
            Recent deliveries
          </h2>
          <DeliveryLog deliveries={await listDeliveries(db.read, integration.id)} />
        </section>
        <Link href="/settings" className="text-sm text-accent underline">
          Back to Settings
        </Link>
      </div>
    </>
  );
}
