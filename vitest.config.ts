import { defineConfig } from 'vitest/config';

/**
 * Three projects, so a quick loop runs only what it needs (`npx vitest run --project unit`), and
 * `npm test` still runs them all:
 * - unit: modules beside their tests, no server, no site build;
 * - integration: the fake GitHub, synthetic orgs, the CLIs as child processes;
 * - e2e: built sites (the demo, the hostile org) driven in Chromium; only these need the global
 *   setup that builds the demo site.
 */
const integration = ['test/fakes/**/*.test.ts', 'bench/**/*.test.ts', 'src/sources/github/**/*.test.ts', 'src/cli/**/*.test.ts', 'scripts/**/*.test.ts'];
const e2e = ['test/e2e/**/*.test.ts', 'test/hostile/**/*.test.ts'];

export default defineConfig({
  test: {
    // Builds and Chromium share two cores with everything else: give them room.
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: integration } },
      { extends: true, test: { name: 'integration', include: integration } },
      { extends: true, test: { name: 'e2e', include: e2e, globalSetup: ['test/e2e/global-setup.ts'] } },
    ],
  },
});
