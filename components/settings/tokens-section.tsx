/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { PublicToken } from "@/db/queries/tokens";
import { revokeToken } from "@/app/_actions/tokens";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { CreateTokenForm } from "./create-token-form";
import { TableScroll } from "@/components/ui/table-scroll";

export function TokensSection({ tokens }: { tokens: PublicToken[] }) {
  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <h2 id="tokens-heading" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-muted">
        Pipelines and scripts authenticate with <code>Authorization: Bearer &lt;token&gt;</code>. Tandem keeps only a digest, so a lost token
        cannot be shown again: revoke it and create another.
      </p>
      {tokens.length === 0 ? (
        <p className="text-sm">No tokens yet. Create one below for your CI to record deployments.</p>
      ) : (
        <TableScroll label="API tokens">
          <table className={tableClass}>
            <caption className="sr-only">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td className="font-medium">{t.name}</td>
                  <td>{t.role}</td>
                  <td className="font-mono text-xs">{t.prefix}…</td>
                  <td className="whitespace-nowrap">
                    <LocalTime iso={t.createdAt.toISOString()} />
                  </td>
                  <td className="whitespace-nowrap">{t.lastUsedAt ? <LocalTime iso={t.lastUsedAt.toISOString()} /> : "never"}</td>
                  <td>
                    {t.revokedAt ? (
                      <Badge tone="danger">revoked</Badge>
                    ) : (
                      <div className="flex flex-wrap items-center gap-2">
                        <Badge tone="success">active</Badge>
                        <ConfirmActionForm
                          action={revokeToken}
                          hidden={{ id: String(t.id) }}
                          label={`Revoke ${t.name}`}
                          trigger={
                            <>
                              Revoke<span className="sr-only"> {t.name}</span>
                            </>
                          }
                          title={`Revoke the token “${t.name}”?`}
                          confirm="Revoke token"
                        >
                          <p>
                            Every pipeline, script or tool that sends this {t.role} token (it starts with <code>{t.prefix}</code>) is refused from its next
                            request on.
                          </p>
                          <p>This cannot be undone: to carry on, create a new token and put it everywhere this one is used.</p>
                        </ConfirmActionForm>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="text-base font-semibold">Create a token</h3>
      <CreateTokenForm />
    </section>
  );
}
