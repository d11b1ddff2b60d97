import { randomBytes } from "node:crypto";
import type { Database } from "@/db/database";
import type { NotificationChannel, OutboxMessage } from "@/db/schema";
import { claimDueMessages, hasDueMessage, insertAttempt, settleMessage, updateChannel, type BusyReceivers, type DueMessage } from "@/db/queries/notifications";
import { recordAudit } from "@/db/queries/audit";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { printable } from "@/lib/validation";
import { deliver, deliverToPerson, type Delivery } from "./deliver";
import type { RenderedEvent } from "./events";
import { retryDelayMs } from "./schedule";
import { SEND_TIMEOUT_MS, type SendResult } from "./send";

/** How often an idle worker looks for due messages: well inside the 5 s a new message may wait. */
export const POLL_MS = 1_000;
/**
 * How long a claim holds: longer than any attempt can take (an email may take two send timeouts), short
 * enough that a message claimed by a server that died is sent by another (or by it, restarted) soon after.
 */
export const LEASE_MS = SEND_TIMEOUT_MS * 3;
/** Attempts in flight at once, and to one receiver (a channel, or a person's e-mail). */
const IN_FLIGHT = 20;
const PER_RECEIVER = 4;

/** Who a message goes to: messages to one receiver wait for each other, never for another receiver's. */
const receiverOf = (m: { channelId: number | null; recipient: string | null }) => (m.channelId === null ? `person:${m.recipient}` : `channel:${m.channelId}`);

/**
 * Sends the outbox. Each server runs one; they share the work through leases, so a message is never sent
 * by two at once, and one that a dead server held is claimed again when its lease runs out.
 */
export class NotificationWorker {
  readonly owner = `worker_${randomBytes(8).toString("hex")}`;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly delivery: () => Promise<Delivery>,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round()
        .catch((error) => console.error("Notification worker:", error))
        .finally(() => this.schedule(POLL_MS));
    }, ms);
    this.timer.unref();
  }

  /**
   * Sends every due message until none is left, with up to IN_FLIGHT attempts at once and PER_RECEIVER to
   * any one receiver: as each attempt ends (or each POLL_MS, for messages newly due) more are claimed, so a
   * receiver that hangs holds up only its own messages, never another channel's past the 5 s promised.
   * Returns how many attempts it made.
   */
  async round(): Promise<number> {
    let attempts = 0;
    const inFlight = new Set<Promise<void>>();
    const perReceiver = new Map<string, number>();
    const choose = (due: DueMessage[]) => {
      const taken = new Map(perReceiver);
      return due.flatMap((m) => {
        const receiver = receiverOf(m);
        const n = taken.get(receiver) ?? 0;
        if (n >= PER_RECEIVER) return [];
        taken.set(receiver, n + 1);
        return [m.id];
      });
    };
    // Receivers at their share are left out in the query, so however long a backlog one holds, it never hides another's messages.
    const busy = (): BusyReceivers => {
      const full = [...perReceiver].filter(([, n]) => n >= PER_RECEIVER).map(([receiver]) => receiver);
      return {
        channels: full.filter((r) => r.startsWith("channel:")).map((r) => Number(r.slice("channel:".length))),
        recipients: full.filter((r) => r.startsWith("person:")).map((r) => r.slice("person:".length)),
      };
    };
    const claim = async (room: number) => {
      if (this.stopped || room <= 0 || !(await hasDueMessage(this.db.read, new Date()))) return 0;
      const now = new Date();
      const claimed = await this.db.transaction((tx) => claimDueMessages(tx, now, this.owner, new Date(now.getTime() + LEASE_MS), room, choose, busy()));
      if (!claimed.length) return 0;
      const delivery = await this.delivery();
      for (const { message, channel } of claimed) {
        const receiver = receiverOf(message);
        perReceiver.set(receiver, (perReceiver.get(receiver) ?? 0) + 1);
        // An attempt that could not even record itself (the database gone) is logged; its lease runs out and it is tried again.
        const attempt: Promise<void> = this.attempt(message, channel, delivery)
          .catch((error: unknown) => console.error("Notification worker:", error))
          .finally(() => {
            inFlight.delete(attempt);
            const left = perReceiver.get(receiver)! - 1;
            if (left) perReceiver.set(receiver, left);
            else perReceiver.delete(receiver);
          });
        inFlight.add(attempt);
      }
      return claimed.length;
    };
    for (;;) {
      let claimed: number;
      try {
        claimed = await claim(IN_FLIGHT - inFlight.size);
      } catch (error) {
        // The attempts under way finish (and are recorded) before the round reports its failure.
        await Promise.allSettled(inFlight);
        throw error;
      }
      attempts += claimed;
      if (claimed) continue;
      if (!inFlight.size) return attempts;
      let poll: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([...inFlight, new Promise((resolve) => (poll = setTimeout(resolve, POLL_MS)))]);
      clearTimeout(poll);
    }
  }

  private async attempt(message: OutboxMessage, channel: NotificationChannel | null, delivery: Delivery): Promise<void> {
    let result: SendResult;
    try {
      const event = message.payload as RenderedEvent;
      result = channel ? await deliver(channel, event, message.messageId, delivery) : await deliverToPerson(message.recipient ?? "", event, message.messageId, delivery);
    } catch (error) {
      result = { ok: false, status: null, answer: error instanceof Error ? error.message : String(error), gone: false };
    }
    await this.settle(message, channel, result);
  }

  /** Records the attempt; a 410 Gone stops the channel (its receiver is gone for good) and says why. */
  private async settle(message: OutboxMessage, channel: NotificationChannel | null, result: SendResult): Promise<void> {
    const at = new Date();
    const failures = message.attempts + 1;
    // A message to a receiver that is gone stays pending: it goes out if an admin enables the channel again.
    const wait = result.ok ? null : retryDelayMs(failures);
    const outcome = result.ok ? "delivered" : wait === null ? "gave_up" : "failed";
    await this.db.transaction(async (tx) => {
      const held = await settleMessage(tx, message.id, this.owner, {
        status: result.ok ? "delivered" : wait === null ? "gave_up" : "pending",
        attempts: failures,
        nextAttemptAt: wait === null ? message.nextAttemptAt : new Date(at.getTime() + wait),
        deliveredAt: result.ok ? at : null,
      });
      // Another worker took it over after our lease ran out; its attempt is the one that counts.
      if (!held) return;
      const answer = printable(outcome === "gave_up" ? `${result.answer} (gave up after ${failures} attempts)` : result.answer);
      await insertAttempt(tx, { channelId: message.channelId, recipient: message.recipient, messageId: message.messageId, event: message.event, outcome, status: result.status, answer, attemptedAt: at });
      if (channel && result.gone && !channel.disabledAt) {
        const reason = `The receiver answered 410 Gone on ${at.toISOString()}: Tandem stopped sending to it. Enable the channel again once it is back.`;
        await updateChannel(tx, channel.id, { disabledAt: at, disabledReason: reason });
        await recordAudit(tx, SYSTEM_ACTOR, { action: "channel.disable", entityType: "notification_channel", entityId: channel.id, after: { disabledReason: reason } });
      }
    });
  }
}
