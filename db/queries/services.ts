import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Queryable } from "../database";
import { preparedStatements } from "../statements";
import { deployments, incidents, services, type NewService, type Service } from "../schema";

export type ServiceWithStats = {
  id: number;
  slug: string;
  name: string;
  team: string | null;
  description: string | null;
  repository: string | null;
  lastDeployAt: Date | null;
  openIncidents: number;
};

/** Every service with its last production deployment since `since` and its open incidents. */
export async function listServicesWithStats(q: Queryable, since: Date): Promise<ServiceWithStats[]> {
  const deployStats = q
    .select({
      serviceId: deployments.serviceId,
      last: sql<number | null>`max(${deployments.finishedAt})`.as("last"),
    })
    .from(deployments)
    .where(and(eq(deployments.environment, "production"), eq(deployments.status, "success"), gte(deployments.finishedAt, since)))
    .groupBy(deployments.serviceId)
    .as("deploy_stats");
  const incidentStats = q
    .select({ serviceId: incidents.serviceId, open: sql<number>`count(*)`.as("open") })
    .from(incidents)
    .where(ne(incidents.status, "resolved"))
    .groupBy(incidents.serviceId)
    .as("incident_stats");
  const rows = await q
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      team: services.team,
      description: services.description,
      repository: services.repository,
      last: deployStats.last,
      openIncidents: sql<number>`coalesce(${incidentStats.open}, 0)`,
    })
    .from(services)
    .leftJoin(deployStats, eq(deployStats.serviceId, services.id))
    .leftJoin(incidentStats, eq(incidentStats.serviceId, services.id))
    .orderBy(asc(services.team), asc(services.name));
  return rows.map(({ last, ...row }) => ({ ...row, lastDeployAt: last == null ? null : new Date(last) }));
}

/** The services a metrics view covers: all, one, or one team's. */
export async function listServicesInScope(q: Queryable, scope: { service?: string; team?: string; services?: string[] }) {
  const filters = [
    scope.service === undefined ? undefined : eq(services.slug, scope.service),
    scope.team === undefined ? undefined : eq(services.team, scope.team),
    scope.services?.length ? inArray(services.slug, scope.services) : undefined,
  ];
  return q
    .select({ id: services.id, slug: services.slug, name: services.name, team: services.team })
    .from(services)
    .where(and(...filters))
    .orderBy(asc(services.team), asc(services.name));
}

/** The choices of the dashboard's filters. */
export async function listFilterOptions(q: Queryable) {
  const all = await q.select({ slug: services.slug, name: services.name, team: services.team }).from(services).orderBy(asc(services.name));
  const teams = [...new Set(all.map((s) => s.team).filter((t): t is string => Boolean(t)))].sort();
  const environments = (await q.selectDistinct({ environment: deployments.environment }).from(deployments).orderBy(asc(deployments.environment))).map((r) => r.environment);
  return { services: all, teams, environments: environments.includes("production") ? environments : ["production", ...environments] };
}

const statements = preparedStatements((prepare) => ({
  bySlug: prepare("select id, slug, name, team, description, repository, require_change, change_tolerance_minutes, change_reuse, created_at, updated_at from services where slug = ?"),
}));

type ServiceRow = Pick<Service, "id" | "slug" | "name" | "team" | "description" | "repository"> & {
  require_change: string;
  change_tolerance_minutes: number;
  change_reuse: Service["changeReuse"];
  created_at: number;
  updated_at: number;
};

export async function findServiceBySlug(q: Queryable, slug: string): Promise<Service | undefined> {
  const r = await statements(q).bySlug.get<ServiceRow>(slug);
  return (
    r && {
      id: r.id,
      slug: r.slug,
      name: r.name,
      team: r.team,
      description: r.description,
      repository: r.repository,
      requireChange: JSON.parse(r.require_change) as string[],
      changeToleranceMinutes: Number(r.change_tolerance_minutes),
      changeReuse: r.change_reuse,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
    }
  );
}

export async function insertService(q: Queryable, values: Omit<NewService, "createdAt" | "updatedAt" | "id">): Promise<Service> {
  const now = new Date();
  return (await q.insert(services).values({ ...values, createdAt: now, updatedAt: now }).returning())[0]!;
}

export async function updateService(
  q: Queryable,
  id: number,
  values: Partial<Pick<Service, "name" | "team" | "description" | "repository" | "requireChange" | "changeToleranceMinutes" | "changeReuse">>,
): Promise<Service> {
  return (await q.update(services).set({ ...values, updatedAt: new Date() }).where(eq(services.id, id)).returning())[0]!;
}
