import { pgTable, text, integer } from "drizzle-orm/pg-core";
import { TOKEN_ROLES } from "../../schema/tokens";
import { user } from "./auth";
import { timestampMs } from "./columns";

export { TOKEN_ROLES } from "../../schema/tokens";

export const apiTokens = pgTable("api_tokens", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  role: text("role", { enum: TOKEN_ROLES }).notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  prefix: text("prefix").notNull(),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestampMs("created_at").notNull(),
  lastUsedAt: timestampMs("last_used_at"),
  revokedAt: timestampMs("revoked_at"),
});
export type ApiToken = typeof apiTokens.$inferSelect;
