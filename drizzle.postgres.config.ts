import { defineConfig } from "drizzle-kit";

/* The PostgreSQL twin's migrations: `npx drizzle-kit generate --config drizzle.postgres.config.ts`. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/postgres/schema/index.ts",
  out: "./db/postgres/migrations",
});
