/* eslint-disable no-restricted-syntax, react/jsx-no-literals -- issue 19: this file's UI text is not yet in the message catalogs */
import type { NotificationAttempt } from "@/db/schema";
import { Badge, type Tone } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { tableClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/table-scroll";

const TONE: Record<NotificationAttempt["outcome"], Tone> = { delivered: "success", failed: "warning", gave_up: "danger" };
const WORDS: Record<NotificationAttempt["outcome"], string> = { delivered: "delivered", failed: "failed, will retry", gave_up: "gave up" };

/** Every attempt to send to a channel, newest first, with what the receiver answered. */
export function ChannelLog({ attempts }: { attempts: NotificationAttempt[] }) {
  if (attempts.length === 0) return <p className="text-sm text-muted">Nothing sent yet. Send a test message to see it here.</p>;
  return (
    <TableScroll label="Delivery log">
      <table className={tableClass}>
        <caption className="sr-only">Delivery log</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.id}>
              <td className="whitespace-nowrap">
                <LocalTime iso={a.attemptedAt.toISOString()} />
              </td>
              <td className="font-mono text-xs">
                {a.event}
                <span className="block text-muted">{a.messageId}</span>
              </td>
              <td className="whitespace-nowrap">
                <Badge tone={TONE[a.outcome]}>{WORDS[a.outcome]}</Badge> <span className="text-xs text-muted">{a.status ?? "no answer"}</span>
              </td>
              <td className="text-xs break-all">{a.answer}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
