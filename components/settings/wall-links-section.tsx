/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { WallLink } from "@/db/schema";
import { removeWallLink } from "@/app/_actions/wall-links";
import { linkViews } from "@/lib/wall/links";
import { DEFAULT_ROTATE_SECONDS } from "@/lib/wall/limits";
import { Badge } from "@/components/ui/badge";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { CreateWallLinkForm } from "./create-wall-link-form";

export function WallLinksSection({ links, teams, services }: { links: WallLink[]; teams: string[]; services: { slug: string; name: string }[] }) {
  return (
    <section aria-labelledby="wall-links-heading" className="space-y-4">
      <h2 id="wall-links-heading" className="text-lg font-semibold">
        Wall links
      </h2>
      <p className="text-sm text-muted">A read-only link a TV opens without signing in: it shows the wall and nothing else, and never expires unless you set an end or revoke it.</p>
      {links.length ? (
        <TableScroll label="Wall links">
          <table className={tableClass}>
            <caption className="sr-only">Wall links</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Views</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => {
                const views = linkViews(l);
                return (
                  <tr key={l.id}>
                    <th scope="row" className="font-medium">
                      {l.name}
                    </th>
                    <td>
                      {views.map((v) => v.name).join(", ")}
                      {views.length > 1 ? <span className="text-muted">{` (every ${l.rotateSeconds ?? DEFAULT_ROTATE_SECONDS} s)`}</span> : null}
                    </td>
                    <td>{l.expiresAt ? <LocalTime iso={l.expiresAt.toISOString()} /> : "never"}</td>
                    <td>
                      {l.revokedAt ? (
                        <Badge tone="danger">revoked</Badge>
                      ) : (
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone="success">active</Badge>
                          <ConfirmActionForm
                            action={removeWallLink}
                            hidden={{ id: String(l.id) }}
                            label={`Revoke ${l.name}`}
                            trigger={
                              <>
                                Revoke<span className="sr-only"> wall link {l.name}</span>
                              </>
                            }
                            title={`Revoke the wall link “${l.name}”?`}
                            confirm="Revoke wall link"
                          >
                            <p>Every screen showing this link stops showing the wall within seconds and says the link was revoked.</p>
                            <p>This cannot be undone: to show the wall there again, create a new link and open it on each screen.</p>
                          </ConfirmActionForm>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <CreateWallLinkForm teams={teams} services={services} />
    </section>
  );
}
