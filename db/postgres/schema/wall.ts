import { pgTable, text, integer } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { jsonText, timestampMs } from "./columns";

export const wallLinks = pgTable("wall_links", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  team: text("team"),
  services: jsonText("services").$type<string[]>(),
  views: jsonText("views").$type<unknown[]>(),
  rotateSeconds: integer("rotate_seconds"),
  /** The language the wall speaks whoever looks at it (lib/i18n/locales.ts); null: the browser's. */
  locale: text("locale"),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestampMs("expires_at"),
  revokedAt: timestampMs("revoked_at"),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestampMs("created_at").notNull(),
});
export type WallLink = typeof wallLinks.$inferSelect;
