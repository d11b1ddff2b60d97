/**
 * Runs `job` now and then every `everyMs` until stopped, one run at a time, on a timer that does not keep
 * the process alive. A failed run is logged and the next one tries again: the jobs it serves (hand-overs,
 * overdue reminders) are idempotent across runs and servers, so missing one costs a minute, not a message.
 */
export function startPeriodic(name: string, everyMs: number, job: () => Promise<unknown>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      console.error(`tandem: the ${name} job failed; it runs again in ${Math.round(everyMs / 1000)} s:`, error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
