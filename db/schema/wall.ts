import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { user } from "./auth";

/** Read-only links a TV opens without signing in; like API tokens, only a digest of the secret is kept. */
export const wallLinks = sqliteTable("wall_links", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  team: text("team"),
  /** JSON array of service slugs; null means every service of the team (or all). */
  services: text("services", { mode: "json" }).$type<string[]>(),
  /** JSON array of views the wall rotates through. */
  views: text("views", { mode: "json" }).$type<unknown[]>(),
  rotateSeconds: integer("rotate_seconds"),
  /** The language the wall speaks whoever looks at it (lib/i18n/locales.ts); null: the browser's. */
  locale: text("locale"),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});
export type WallLink = typeof wallLinks.$inferSelect;
