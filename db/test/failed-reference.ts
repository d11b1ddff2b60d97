import { sql, type SQL } from "drizzle-orm";
import { recoveredAt } from "../queries/metric-facts";

/*
 * The failed changes among D (deliveredCte) straight from the rules, not from the rollup: the view
 * failed_change_evidence (what a failed change is) and recoveredAt (when it recovered), over D. The app
 * reads the same from failed_changes (kept by triggers); tests hold it to this.
 */

/** failed(id, service_id, finished_at, recovered_at): the failed changes among D, each with when (if ever) it recovered. */
export function failedCte(): SQL {
  return sql`failed as (
      select f.deployment_id as id, f.service_id, f.finished_at, ${recoveredAt} as recovered_at
      from d_scope d join failed_change_evidence f on f.deployment_id = d.id
    )`;
}
