/**
 * Accessibility of every page type, checked with axe-core in Chromium: no
 * serious or critical violations, in the light and the dark theme, at a
 * desktop and a phone width.
 */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium.ts';
import { servedFixture, type ServedFixture } from './site-fixture.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let fixture: ServedFixture;
/** Two dozen pages through axe in one test: on a busy 2-core machine that outlasts the 30 s default. */
const AXE_TIMEOUT = 300_000;
const PAGES_AT_ONCE = 3;
let browser: Browser;

beforeAll(async () => {
  [fixture, browser] = await Promise.all([servedFixture('/'), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await fixture?.server.close();
});

/** One page of each type, picked from the demo's data so the test follows the demo. */
function pageTypes(): [string, string][] {
  const first = (kind: string) => fixture.data.entities.find((e) => e.kind === kind && !e.origin)?.path;
  const types: [string, string | undefined][] = [
    ['home', ''],
    ['catalog', 'catalog/'],
    ['catalog, page 2', 'catalog/page/2/'],
    ['component', 'catalog/default/component/booking-service/'],
    ['API', 'catalog/default/api/booking-api/'],
    ['API definition (OpenAPI)', 'catalog/default/api/booking-api/definition/'],
    ['API definition (AsyncAPI)', 'catalog/default/api/booking-events/definition/'],
    ['API definition (GraphQL)', 'catalog/default/api/traveller-graphql/definition/'],
    ['API definition (gRPC)', 'catalog/default/api/pricing-api/definition/'],
    ['group', first('Group')],
    ['user', first('User')],
    ['system', first('System')],
    ['domain', first('Domain')],
    ['resource', first('Resource')],
    ['template', first('Template')],
    ['location', first('Location')],
    ['inferred component', fixture.data.entities.find((e) => e.origin?.kind === 'inferred')?.path],
    ['docs home', 'docs/default/component/payments-gateway/'],
    ['docs page (tabs, code, task list)', 'docs/default/component/payments-gateway/getting-started/'],
    ['docs page (mermaid, image)', 'docs/default/component/payments-gateway/architecture/overview/'],
    ['docs from a README', fixture.data.entities.find((e) => e.docs?.from === 'readme')?.docs?.path],
    ['diagnostics', 'diagnostics/'],
    ['404', 'no-such-page/'],
  ];
  return types.filter((t): t is [string, string] => t[1] !== undefined);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The light desktop pass runs every axe rule. The dark phone pass changes only colours and layout,
 * so it runs the rules whose verdict depends on them; the markup rules (names, roles, landmarks)
 * would give the light pass's answer again.
 */
const COLOUR_AND_LAYOUT_RULES = ['color-contrast', 'link-in-text-block', 'scrollable-region-focusable', 'css-orientation-lock'];

describe.each([
  ['light', 1280, undefined],
  ['dark', 390, COLOUR_AND_LAYOUT_RULES],
] as const)('axe-core, %s theme at %i px', (scheme, width, rules) => {
  test(
    'finds no serious or critical violations on any page type',
    async () => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
      const problems: string[] = [];
      const check = async ([name, path]: [string, string]) => {
        const page = await context.newPage();
        await page.goto(fixture.server.url(path));
        await page.waitForLoadState('networkidle');
        await page.addScriptTag({ path: axePath });
        const violations = (await page.evaluate(async (only) => {
          const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe.run(document, {
            resultTypes: ['violations'],
            ...(only ? { runOnly: { type: 'rule', values: only } } : {}),
          });
          return result.violations;
        }, rules)) as AxeViolation[];
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          problems.push(
            `${name} (${path}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
          );
        }
        await page.close();
      };
      try {
        // A few pages at a time: each waits for the network to go idle, and those waits overlap.
        const queue = pageTypes();
        await Promise.all(
          Array.from({ length: PAGES_AT_ONCE }, async () => {
            for (let next = queue.shift(); next; next = queue.shift()) await check(next);
          }),
        );
      } finally {
        await context.close();
      }
      expect(problems.sort()).toEqual([]);
    },
    AXE_TIMEOUT,
  );
});
