import { z } from "zod";
import { seedDemo } from "@/lib/demo/seed-demo";
import { seedFromString } from "@/db/seed/random";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { wholeNumber } from "@/lib/whole-number";
import { UsageError, type CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";
import { startProgress } from "../progress";

const USAGE = "seed --demo [--days N] [--services N] [--seed S]";

const schema = z.object({
  demo: z.boolean().optional(),
  days: wholeNumber(1, 3650).default(90),
  services: wholeNumber(1, 500).default(8),
  seed: z.string().trim().min(1, "must not be empty").default("1"),
});

export function demoSeedNumber(seed: string): number {
  return /^\d+$/.test(seed) ? Number(seed) >>> 0 : seedFromString(seed);
}

export async function seedCommand(args: string[], io: CliIo, now = Date.now()) {
  const values = parseOptions(
    args,
    { demo: { type: "boolean" }, days: { type: "string" }, services: { type: "string" }, seed: { type: "string" } },
    schema,
    USAGE,
  );
  if (!values.demo) throw new UsageError(`only demo data can be seeded: pass --demo (usage: ${USAGE})`);
  await withDatabase(io, async ({ db }) => {
    const progress = startProgress(io, "Seeding demo data");
    try {
      const summary = await seedDemo(db, CLI_ACTOR, { days: values.days, services: values.services, seed: demoSeedNumber(values.seed), now }, progress.update);
      progress.stop();
      io.out(`Seeded ${summary.services} services, ${summary.deployments} deployments, ${summary.incidents} incidents and ${summary.changes} change requests over ${values.days} days.`);
    } catch (e) {
      progress.stop();
      throw e;
    }
  });
}
