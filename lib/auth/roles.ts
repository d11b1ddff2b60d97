import { TOKEN_ROLES } from "@/db/schema/tokens";

export const USER_ROLES = ["viewer", "engineer", "approver", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export { TOKEN_ROLES };
export type TokenRole = (typeof TOKEN_ROLES)[number];

/**
 * What an actor may do. `record` covers deployments, incidents, change requests and services;
 * `approve` deciding change requests; `manage` users, services, tokens, links, integrations, freezes.
 */
export type Permission = "read" | "record" | "approve" | "manage";

const USER_GRANTS: Record<UserRole, readonly Permission[]> = {
  viewer: ["read"],
  engineer: ["read", "record"],
  approver: ["read", "record", "approve"],
  admin: ["read", "record", "approve", "manage"],
};

/** Tokens never approve: approvals are made by signed-in people (CONTRACT.md). */
const TOKEN_GRANTS: Record<TokenRole, readonly Permission[]> = {
  ingest: ["record"],
  read: ["read"],
  admin: ["read", "record", "manage"],
};

export function userCan(role: UserRole, permission: Permission): boolean {
  return USER_GRANTS[role].includes(permission);
}

export function tokenCan(role: TokenRole, permission: Permission): boolean {
  return TOKEN_GRANTS[role].includes(permission);
}

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (USER_ROLES as readonly string[]).includes(value);
}
