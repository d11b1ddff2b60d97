/**
 * Awaits work started together (statements sent at once, which PostgreSQL's pipeline answers in one round
 * trip) as Promise.all does, except that a failure is thrown only once every one has settled: the first
 * failure in the order given, which is the order the database ran them. Promise.all throws at the first
 * failure while the rest still run, so a caller rolling back a savepoint would see them write after the
 * rollback, outside it, or fail on a savepoint that is gone.
 */
export async function together<T extends readonly unknown[] | []>(values: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const results = await Promise.allSettled(values as readonly unknown[]);
  for (const result of results) if (result.status === "rejected") throw result.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [P in keyof T]: Awaited<T[P]> };
}
