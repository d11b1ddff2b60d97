import { openDatabase } from "../client";
import { settings } from "../schema";

/** Child process for durability.test.ts: writes rows one commit at a time, announcing each after commit. */
const { db } = openDatabase(process.argv[2]!);
// Bounded, so a writer whose parent died does not run on forever.
for (let i = 0; i < 20_000; i++) {
  await db.transaction(async (tx) => {
    await tx.insert(settings).values({ key: `row-${i}`, value: String(i) });
  });
  process.stdout.write(`ack ${i}\n`);
}
