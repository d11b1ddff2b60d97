import { connectDatabase } from "../client";
import { settings } from "../schema";
import { databaseTargetOf } from "../url";

/**
 * Child process for durability.test.ts: on the migrated database a DATABASE_URL-style argument names,
 * writes rows one commit at a time, announcing each after commit.
 */
const { db } = await connectDatabase(databaseTargetOf(process.argv[2]!), { migrate: false });
// Bounded, so a writer whose parent died does not run on forever.
for (let i = 0; i < 20_000; i++) {
  await db.transaction(async (tx) => {
    await tx.insert(settings).values({ key: `row-${i}`, value: String(i) });
  });
  process.stdout.write(`ack ${i}\n`);
}
