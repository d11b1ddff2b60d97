import { rebuildRollups } from "@/db/queries/rollups";
import { z } from "zod";
import type { CliIo } from "../io";
import { parseOptions } from "../args";
import { withDatabase } from "../context";

const USAGE = "rebuild";

/** Recomputes the rollups the figures are read from (deployment_days, failed_changes, commit_deliveries, lead_days) from the rules' views. */
export async function rebuildCommand(args: string[], io: CliIo) {
  parseOptions(args, {}, z.object({}), USAGE);
  await withDatabase(io, async ({ db }) => {
    const s = await rebuildRollups(db);
    const n = (value: number) => value.toLocaleString("en");
    io.out(
      `Rebuilt the rollups from the rules: ${n(s.deploymentDays)} deployment days, ${n(s.failedChanges)} failed changes, ${n(s.commitDeliveries)} commit deliveries, ${n(s.leadDays)} lead-time day parts; ${n(s.corrected)} rows corrected.`,
    );
  });
}
