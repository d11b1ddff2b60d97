import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
import { richTags } from "@/components/i18n/rich";
import { InlineActionForm } from "@/components/ui/inline-action-form";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { recordIdOf } from "@/lib/whole-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Integrations"))("pageTitle") };
}

export default async function IntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("manage");
  const { id } = await params;
  const db = getDatabase();
  const recordNumber = recordIdOf(id);
  const integration = recordNumber === undefined ? undefined : await findIntegration(db.read, recordNumber);
  if (!integration) notFound();
  const url = `${publicBaseUrl(await headers())}${webhookPath(integration)}`;
  const config = integrationConfig(integration);
  const t = await getTranslations("Integrations");
  return (
    <>
      <PageHeader
        title={<span translate="no">{integration.name}</span>}
        description={t("description", { source: t(`sources.${integration.source}`), state: integration.disabledAt ? t("disabled") : t("active") })}
      />
      <div className="space-y-8">
        <div className="space-y-2">
          <label htmlFor="webhook-url" className="block text-sm font-medium">
            {t("webhookUrl")}
          </label>
          <input id="webhook-url" readOnly value={url} className={`${inputClass} max-w-2xl font-mono`} />
          <InlineActionForm action={setIntegrationEnabled} hidden={{ id: String(integration.id), enabled: String(Boolean(integration.disabledAt)) }} label={t("enableLabel")}>
            <button type="submit" className={integration.disabledAt ? buttonClass.secondary : buttonClass.danger}>
              {integration.disabledAt ? t("enable") : t("disable")}
            </button>
          </InlineActionForm>
        </div>
        <section aria-labelledby="mappings">
          <h2 id="mappings" className="mb-3 text-lg font-semibold">
            {t("mappings")}
          </h2>
          <IntegrationConfigForm id={integration.id} values={configToForm(config)} />
        </section>
        {integration.source === "github" || integration.source === "gitlab" ? (
          <section aria-labelledby="gate">
            <h2 id="gate" className="mb-1 text-lg font-semibold">
              {t("gate")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t.rich(integration.source === "github" ? "gateHelpGithub" : "gateHelpGitlab", { ...richTags, tag: "change:123", json: '{"change": 123}' })}</p>
            <IntegrationGateForm id={integration.id} source={integration.source} appId={config.appId} apiBaseUrl={config.apiBaseUrl} hasCredential={integration.credentialSealed !== null} />
          </section>
        ) : null}
        <section aria-labelledby="deliveries">
          <h2 id="deliveries" className="mb-3 text-lg font-semibold">
            {t("deliveries")}
          </h2>
          <DeliveryLog deliveries={await listDeliveries(db.read, integration.id)} />
        </section>
        <Link href="/settings" className="text-sm text-accent underline">
          {t("back")}
        </Link>
      </div>
    </>
  );
}
