import type { Service } from "@/db/schema";

/** A service as the API returns it. */
export function serviceJson(s: Service) {
  return {
    slug: s.slug,
    name: s.name,
    team: s.team,
    description: s.description,
    repository: s.repository,
    requireChange: s.requireChange,
    changeToleranceMinutes: s.changeToleranceMinutes,
    changeReuse: s.changeReuse,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
