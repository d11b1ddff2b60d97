import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { NotificationAttempt, WebhookDelivery } from "@/db/schema";
import { Badge, type Tone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";
import { eventName } from "./event-names";

type Row = { id: number; at: Date; cells: ReactNode };

/** The table both logs share: when it happened, then the log's own columns, newest first. */
function DeliveryTable({ label, empty, columns, rows }: { label: string; empty: string; columns: string[]; rows: Row[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <TableScroll label={label}>
      <table className={tableClass}>
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="whitespace-nowrap">
                <LocalTime iso={r.at.toISOString()} />
              </td>
              {r.cells}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const DELIVERY_TONE: Record<WebhookDelivery["outcome"], Tone> = { applied: "success", ignored: "neutral", duplicate: "accent", refused: "danger", failed: "warning" };

/** Like GitHub's "Recent deliveries": what came in and what Tandem made of it. */
export function DeliveryLog({ deliveries }: { deliveries: WebhookDelivery[] }) {
  const t = useTranslations("DeliveryLog");
  return (
    <DeliveryTable
      label={t("integrationLabel")}
      empty={t("integrationEmpty")}
      columns={[t("received"), t("event"), t("outcome"), t("deliveryId"), t("details")]}
      rows={deliveries.map((d) => ({
        id: d.id,
        at: d.receivedAt,
        cells: (
          <>
            <td className="font-mono text-xs" translate="no">
              {d.event}
            </td>
            <td className="whitespace-nowrap">
              <Badge tone={DELIVERY_TONE[d.outcome]}>{t(`delivery.${d.outcome}`)}</Badge> <span className="text-xs text-muted">{d.status}</span>
            </td>
            <td className="font-mono text-xs" translate="no">
              {d.deliveryId ?? "—"}
            </td>
            {/* What the handler wrote down when it took the delivery: kept as written. */}
            <td translate="no">{d.message}</td>
          </>
        ),
      }))}
    />
  );
}

const ATTEMPT_TONE: Record<NotificationAttempt["outcome"], Tone> = { delivered: "success", failed: "warning", gave_up: "danger" };

/** Every attempt to send to a channel, newest first, with what the receiver answered. */
export function ChannelLog({ attempts }: { attempts: NotificationAttempt[] }) {
  const t = useTranslations("DeliveryLog");
  const events = useTranslations("Channels.eventNames");
  return (
    <DeliveryTable
      label={t("channelLabel")}
      empty={t("channelEmpty")}
      columns={[t("time"), t("event"), t("status"), t("answer")]}
      rows={attempts.map((a) => {
        const name = eventName(a.event);
        return {
          id: a.id,
          at: a.attemptedAt,
          cells: (
            <>
              <td className="text-xs">
                {name ? <span className="block">{events(name)}</span> : null}
                <span className="block font-mono" translate="no">
                  {a.event}
                </span>
                <span className="block font-mono text-muted" translate="no">
                  {a.messageId}
                </span>
              </td>
              <td className="whitespace-nowrap">
                <Badge tone={ATTEMPT_TONE[a.outcome]}>{t(`attempt.${a.outcome}`)}</Badge> <span className="text-xs text-muted">{a.status ?? t("noAnswer")}</span>
              </td>
              {/* The receiver's own words. */}
              <td className="text-xs break-all" translate="no">
                {a.answer}
              </td>
            </>
          ),
        };
      })}
    />
  );
}
