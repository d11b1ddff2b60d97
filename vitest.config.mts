import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Suites that must hold on both engines: besides the whole run on SQLite, the "postgres" project runs
 * them again on a throw-away PostgreSQL cluster (db/test/engine.ts picks the engine).
 */
const BOTH_ENGINES = [
  "db/postgres/**/*.test.ts",
  "lib/dora/metrics-api.test.ts",
  "lib/health/health.test.ts",
  "lib/cli/copy.test.ts",
  "db/queries/copy.test.ts",
  "app/_actions/access-matrix.test.ts",
  "app/_actions/actions.fuzz.test.ts",
  "lib/api/routes.fuzz.test.ts",
  "lib/api/large-ids.test.ts",
  "lib/webhooks/webhooks.fuzz.test.ts",
  "lib/timeline/timeline-api.test.ts",
  "lib/services/services-api.test.ts",
  "lib/changes/gate-api.test.ts",
  "lib/incidents/incidents-api.test.ts",
  "lib/action-items/action-items-api.test.ts",
  "lib/ingest/lead-time.test.ts",
  "lib/api/rate-limit-api.test.ts",
  "lib/users/users.test.ts",
  "app/_http/record-page.test.ts",
  "lib/ingest/deployments-api.test.ts",
  "app/_server/ingest-fast-path.test.ts",
  "app/_server/read-fast-path.test.ts",
  "lib/changes/decide-concurrency.test.ts",
  "lib/incidents/respond-concurrency.test.ts",
  "db/durability.test.ts",
  "lib/notifications/outbox.test.ts",
  "lib/notifications/worker.test.ts",
  "lib/notifications/personal.test.ts",
  "lib/notifications/language.test.ts",
  "lib/bench/postgres-load.test.ts",
  "lib/oncall/oncall-api.test.ts",
  "lib/wall/heatmap-data.test.ts",
  "lib/oncall/handoff-job.test.ts",
  "lib/action-items/overdue-reminders.test.ts",
  "lib/data-health/report.test.ts",
  "lib/changes/calendar-feeds.test.ts",
  "lib/webhooks/protection.test.ts",
  "app/_actions/integration-gate.test.ts",
];

/** Files that set the process's umask, which a worker thread may not. */
const OWN_PROCESS = ["db/sqlite/private-files.test.ts", "lib/cli/run.test.ts"];

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    /*
     * Server actions word their messages with next-intl's server API, as Next runs them: its react-server
     * build, configured by the app's own request config (the locale from the mocked request headers).
     */
    alias: [
      { find: /^next-intl\/server$/, replacement: fileURLToPath(new URL("node_modules/next-intl/dist/esm/development/server.react-server.js", import.meta.url)) },
      { find: /^next-intl\/config$/, replacement: fileURLToPath(new URL("app/_i18n/request.ts", import.meta.url)) },
    ],
  },
  test: {
    environment: "node",
    server: { deps: { inline: [/next-intl/] } },
    setupFiles: ["lib/testing/clock.setup.ts"],
    // Each file in a worker thread of its own: cheaper to start than a process per file (four folders'
    // files took 46 s against 51). The files that change what a whole process shares (umask) run in processes.
    pool: "threads",
    // Vitest's default leaves a core idle (one worker on this two-core machine, where the suite then took
    // 14 minutes instead of 9). Files run side by side: each has its own database, and on PostgreSQL its
    // own database in one shared cluster, so a test may act on its own connections only.
    maxWorkers: availableParallelism(),
    // Catches a hang; a busy CI machine runs the larger property tests well past half a minute.
    testTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/unit-results.json" }]],
    projects: [
      { extends: true, test: { name: "sqlite", include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts"], exclude: ["db/postgres/**", ...OWN_PROCESS] } },
      { extends: true, test: { name: "sqlite-process", include: OWN_PROCESS, pool: "forks" } },
      {
        extends: true,
        test: {
          name: "postgres",
          include: BOTH_ENGINES,
          env: { TANDEM_TEST_ENGINE: "postgres" },
          globalSetup: ["db/test/postgres.global-setup.ts"],
        },
      },
    ],
  },
});
