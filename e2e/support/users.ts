import type { UserRole } from "@/lib/auth/roles";

/** The people the browser tests sign in as; created by the test server before it starts. */
export const TEST_USERS: Record<UserRole, { email: string; name: string; password: string }> = {
  viewer: { email: "viewer@example.com", name: "Vera Viewer", password: "viewer-password-1" },
  engineer: { email: "engineer@example.com", name: "Ed Engineer", password: "engineer-password-1" },
  approver: { email: "approver@example.com", name: "Ana Approver", password: "approver-password-1" },
  admin: { email: "admin@example.com", name: "Ada Admin", password: "admin-password-1" },
};

/** Only e2e/i18n.spec.ts signs in as this person: changing their language must not change any other spec's pages. */
export const LANGUAGE_USER = { email: "lin@example.com", name: "Lin", password: "lin-password-123", role: "viewer" } as const;

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DB = "e2e/.tmp/test.db";
export const READ_TOKEN_FILE = "e2e/.tmp/read-token.txt";
export const INGEST_TOKEN_FILE = "e2e/.tmp/ingest-token.txt";
export const ADMIN_TOKEN_FILE = "e2e/.tmp/admin-token.txt";
/** The path of a live wall share link (/wall/wl_…). */
export const WALL_LINK_FILE = "e2e/.tmp/wall-link.txt";
/** The path of a wall link fixed to zh-CN (`--locale zh-CN`). */
export const ZH_WALL_LINK_FILE = "e2e/.tmp/wall-link-zh.txt";
