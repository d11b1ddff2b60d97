import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { preparedStatements } from "../sqlite/prepared";
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
export function listServicesWithStats(db: DbOrTx, since: Date): ServiceWithStats[] {
  const deployStats = db
    .select({
      serviceId: deployments.serviceId,
      last: sql<number | null>`max(${deployments.finishedAt})`.as("last"),
    })
    .from(deployments)
    .where(and(eq(deployments.environment, "production"), eq(deployments.status, "success"), gte(deployments.finishedAt, since)))
    .groupBy(deployments.serviceId)
    .as("deploy_stats");
  const incidentStats = db
    .select({ serviceId: incidents.serviceId, open: sql<number>`count(*)`.as("open") })
    .from(incidents)
    .where(ne(incidents.status, "resolved"))
    .groupBy(incidents.serviceId)
    .as("incident_stats");
  return db
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
    .orderBy(asc(services.team), asc(services.name))
    .all()
    .map(({ last, ...row }) => ({ ...row, lastDeployAt: last == null ? null : new Date(last) }));
}

/** The services a metrics view covers: all, one, or one team's. */
export function listServicesInScope(db: DbOrTx, scope: { service?: string; team?: string; services?: string[] }) {
  const filters = [
    scope.service === undefined ? undefined : eq(services.slug, scope.service),
    scope.team === undefined ? undefined : eq(services.team, scope.team),
    scope.services?.length ? inArray(services.slug, scope.services) : undefined,
  ];
  return db
    .select({ id: services.id, slug: services.slug, name: services.name, team: services.team })
    .from(services)
    .where(and(...filters))
    .orderBy(asc(services.team), asc(services.name))
    .all();
}

/** The choices of the dashboard's filters. */
export function listFilterOptions(db: DbOrTx) {
  const all = db.select({ slug: services.slug, name: services.name, team: services.team }).from(services).orderBy(asc(services.name)).all();
  const teams = [...new Set(all.map((s) => s.team).filter((t): t is string => Boolean(t)))].sort();
  const environments = db
    .selectDistinct({ environment: deployments.environment })
    .from(deployments)
    .orderBy(asc(deployments.environment))
    .all()
    .map((r) => r.environment);
  return { services: all, teams, environments: environments.includes("production") ? environments : ["production", ...environments] };
}

const statements = preparedStatements((prepare) => ({
  bySlug: prepare("select id, slug, name, team, description, repository, require_approved_change, created_at, updated_at from services where slug = ?"),
}));

type ServiceRow = Omit<Service, "requireApprovedChange" | "createdAt" | "updatedAt"> & { require_approved_change: number; created_at: number; updated_at: number };

export function findServiceBySlug(db: DbOrTx, slug: string): Service | undefined {
  const r = statements(db).bySlug.get(slug) as ServiceRow | undefined;
  return (
    r && {
      id: r.id,
      slug: r.slug,
      name: r.name,
      team: r.team,
      description: r.description,
      repository: r.repository,
      requireApprovedChange: r.require_approved_change === 1,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
    }
  );
}

export function insertService(db: DbOrTx, values: Omit<NewService, "createdAt" | "updatedAt" | "id">): Service {
  const now = new Date();
  return db.insert(services).values({ ...values, createdAt: now, updatedAt: now }).returning().get();
}

export function updateService(db: DbOrTx, id: number, values: Partial<Pick<Service, "name" | "team" | "description" | "repository" | "requireApprovedChange">>): Service {
  return db.update(services).set({ ...values, updatedAt: new Date() }).where(eq(services.id, id)).returning().get();
}
