/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import Link from "next/link";
import type { Integration } from "@/db/schema";
import { webhookPath } from "@/lib/webhooks/integrations";
import { Badge } from "@/components/ui/badge";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateIntegrationForm } from "./create-integration-form";

export function IntegrationsSection({ integrations, baseUrl }: { integrations: Integration[]; baseUrl: string }) {
  return (
    <section aria-labelledby="integrations-heading" className="space-y-4">
      <h2 id="integrations-heading" className="text-lg font-semibold">
        Integrations (webhooks)
      </h2>
      <p className="text-sm text-muted">
        GitHub, GitLab, PagerDuty, Opsgenie, Alertmanager and CDEvents post to their own URL, signed with their own secret. Open one to map
        repositories to services and to see its recent deliveries.
      </p>
      {integrations.length === 0 ? (
        <p className="text-sm">No integrations yet.</p>
      ) : (
        <TableScroll label="Integrations">
          <table className={tableClass}>
            <caption className="sr-only">Integrations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Source</th>
                <th scope="col">Webhook URL</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {integrations.map((i) => (
                <tr key={i.id}>
                  <th scope="row" className="font-medium">
                    <Link href={`/settings/integrations/${i.id}`} className="text-accent hover:underline">
                      {i.name}
                    </Link>
                  </th>
                  <td>{i.source}</td>
                  <td className="font-mono text-xs">{`${baseUrl}${webhookPath(i)}`}</td>
                  <td>{i.disabledAt ? <Badge tone="danger">disabled</Badge> : <Badge tone="success">active</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="text-base font-semibold">Add an integration</h3>
      <CreateIntegrationForm baseUrl={baseUrl} />
    </section>
  );
}
