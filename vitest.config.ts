import { globSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Projects, so a quick loop runs only what it needs (`npx vitest run --project 'unit*'`), and
 * `npm test` still runs them all:
 * - unit: modules beside their tests, no server, no site build. One module graph per worker
 *   (`isolate: false`): the parsers, zod schemas and the highlighter load once, not once per file;
 * - unit-isolated: the few unit tests that replace a module with `vi.mock`, which needs a fresh
 *   module graph (a module another file already loaded would keep the real import);
 * - integration: the fake GitHub, synthetic orgs, the CLIs (in process, plus a few real processes);
 * - e2e: built sites (the demo, the hostile org) driven in Chromium; only these need the global
 *   setup that builds the demo site.
 */
const integration = [
  'test/fakes/**/*.test.ts',
  'src/pipeline/index-search.test.ts',
  'src/pipeline/deploy-guard-build.test.ts',
  'bench/**/*.test.ts',
  'src/sources/github/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'scripts/**/*.test.ts',
];
const e2e = ['test/e2e/**/*.test.ts', 'test/hostile/**/*.test.ts'];
const unit = ['src/**/*.test.ts', 'test/layout/**/*.test.ts', 'test/workflows/**/*.test.ts'];
/** Unit tests that call `vi.mock`, found by reading them, so a new one cannot land in the shared graph. */
const mocksModules = globSync(unit, { cwd: import.meta.dirname }).filter((file) =>
  /\bvi\.(do)?mock\(/.test(readFileSync(join(import.meta.dirname, file), 'utf8')),
);

/**
 * The workflow parser's files without their source maps, which point to TypeScript sources the
 * package does not ship: Vite would print a warning for each of its ~40 files on every run.
 */
const workflowParserWithoutSourceMaps: Plugin = {
  name: 'workflow-parser-without-source-maps',
  load(id) {
    if (!/\/node_modules\/@actions\/workflow-parser\/dist\/.+\.js$/.test(id)) return null;
    return { code: readFileSync(id, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, ''), map: { mappings: '' } };
  },
};

export default defineConfig({
  plugins: [workflowParserWithoutSourceMaps],
  test: {
    // vitest's default leaves a core to its main process: one worker on a 2-core machine. The main
    // process has little to do once transforms are cached, and e2e files spend much of their time
    // waiting on builds, Chromium and child processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Timeouts are stall guards, sized for a busy machine (two cores shared with other work):
    // no test asserts a duration.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // GitHub's workflow parser imports its schema JSON without `with { type: 'json' }`, which Node
    // refuses (actions/languageservices#387): Vite loads the package instead of handing it to Node.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      { extends: true, test: { name: 'unit', include: unit, exclude: [...integration, ...mocksModules], isolate: false } },
      { extends: true, test: { name: 'unit-isolated', include: mocksModules, exclude: integration } },
      { extends: true, test: { name: 'integration', include: integration } },
      // Chromium and the builds slow most under load; a test file may first wait for two demo builds.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: e2e,
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // A poll waits on Chromium and the explorer's worker: the 1 s default failed under load.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
