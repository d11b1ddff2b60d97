import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    setupFiles: ["lib/testing/clock.setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: "test-results/unit-results.json" }]],
  },
});
