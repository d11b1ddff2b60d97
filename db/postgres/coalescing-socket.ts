import net from "node:net";

/**
 * A socket that sends the statements written in one stretch of synchronous code (and the promise
 * callbacks queued so far) with a single write. pg corks the socket around each statement's messages and
 * uncorks it after them, which sends them; here the uncork waits for the microtask queue, so with pg's
 * `pipeline` option the statements a transaction sends together (Promise.all) leave together. Each
 * write wakes the database's backend, which on a busy machine takes the CPU at once and answers the
 * first statement before the next one is written: statements "sent together" went back and forth one
 * by one, each a context switch both ways, while the write lock was held.
 */
export class CoalescingSocket extends net.Socket {
  private uncorks = 0;

  override uncork(): void {
    if (this.uncorks++ > 0) return;
    queueMicrotask(() => {
      const count = this.uncorks;
      this.uncorks = 0;
      for (let i = 0; i < count; i++) super.uncork();
    });
  }
}
