/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { WebhookDelivery } from "@/db/schema";
import { Badge, type Tone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

const TONE: Record<WebhookDelivery["outcome"], Tone> = { applied: "success", ignored: "neutral", duplicate: "accent", refused: "danger", failed: "warning" };

/** Like GitHub's "Recent deliveries": what came in and what Tandem made of it. */
export function DeliveryLog({ deliveries }: { deliveries: WebhookDelivery[] }) {
  if (deliveries.length === 0) return <p className="text-sm text-muted">No deliveries yet. Send a test event from the tool to see it here.</p>;
  return (
    <TableScroll label="Recent deliveries">
      <table className={tableClass}>
        <caption className="sr-only">Recent deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Event</th>
            <th scope="col">Outcome</th>
            <th scope="col">Delivery id</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td className="whitespace-nowrap">
                <LocalTime iso={d.receivedAt.toISOString()} />
              </td>
              <td className="font-mono text-xs">{d.event}</td>
              <td className="whitespace-nowrap">
                <Badge tone={TONE[d.outcome]}>{d.outcome}</Badge> <span className="text-xs text-muted">{d.status}</span>
              </td>
              <td className="font-mono text-xs">{d.deliveryId ?? "—"}</td>
              <td>{d.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
