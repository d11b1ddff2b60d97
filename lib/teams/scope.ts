import type { Queryable } from "@/db/database";
import { listFilterOptions } from "@/db/queries/services";
import { invalid } from "@/lib/errors";

type Issue = { path: PropertyKey[]; message: string };

/**
 * The issue, if any, of the team something is scoped to (a calendar feed, a wall view, a notification
 * channel, a standard change template), given the teams services belong to (listFilterOptions). A team
 * no service belongs to, most often a typo, would scope it to nothing, silently and for good.
 */
export function teamScopeIssues(known: readonly string[], team: string | undefined, path: PropertyKey[]): Issue[] {
  return team && !known.includes(team) ? [{ path, message: `no service belongs to team ${team} (check the spelling, or record its services first)` }] : [];
}

/** Refuses (400, naming `field`) a scope's team that no service belongs to; none is every team. */
export async function requireScopeTeam(q: Queryable, team: string | undefined, field = "team"): Promise<void> {
  const issues = teamScopeIssues((await listFilterOptions(q)).teams, team, [field]);
  if (issues.length) throw invalid(issues);
}
