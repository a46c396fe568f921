/**
 * The relation graphs drawn at build time (src/graph-view/), in a real
 * browser on the demo org built under a project-site base: inline SVG (a
 * named group, described in words), nodes that are links to the right pages
 * (under the base), keyboard focus, no script, and readable on a phone.
 */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EntityRecord } from '../../src/entity-record/schema.ts';
import { launchChromium } from './chromium.ts';
import { servedFixture, type ServedFixture } from './site-fixture.ts';

const BASE = '/fernway-portal/';
let fixture: ServedFixture;
let browser: Browser;

beforeAll(async () => {
  [fixture, browser] = await Promise.all([servedFixture(BASE), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await fixture?.server.close();
});

function entity(ref: string): EntityRecord {
  const found = fixture.data.entities.find((e) => e.ref === ref);
  if (!found) throw new Error(`The demo org has no ${ref}; the graph tests use it as their example.`);
  return found;
}

async function open(ref: string, options: { width?: number; javaScript?: boolean; dark?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  const response = await page.goto(fixture.server.url(entity(ref).path));
  expect(response?.status()).toBe(200);
  return page;
}

describe('relation graph', () => {
  test('an SVG named after the entity, described in words, its nodes linking to the related pages under the base', async () => {
    const service = entity('component:default/booking-service');
    const page = await open(service.ref, { javaScript: false });
    const graph = page.getByRole('group', { name: `Relations of ${service.title}` });
    await expect.poll(() => graph.count()).toBe(1);
    expect(await graph.evaluate((svg) => svg.closest('section')?.getAttribute('aria-labelledby'))).toBe('relations-heading');
    const description = await graph.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
    expect(description).toMatch(/^Booking Service: owned by .+; part of .+; provides API .+; consumes API .+; depends on .+\.$/);

    const linked = await graph.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const expected = service.relations.filter((r) => r.exists).map((r) => `${BASE}${entity(r.target).path}`);
    expect(linked.toSorted()).toEqual([...new Set(expected)].toSorted());
    // The entity itself is drawn, highlighted, not linked.
    expect(await graph.locator('.gc').evaluate((g) => g.tagName.toLowerCase())).toBe('g');
    await page.context().close();
  });

  test('nodes are reachable with the keyboard, with a visible focus ring, and lead to their page', async () => {
    const page = await open('component:default/booking-service');
    const first = page.locator('svg.gv a').first();
    await first.focus();
    await page.keyboard.press('Tab');
    const focused = page.locator('svg.gv a:focus');
    expect(await focused.count()).toBe(1);
    const stroke = await focused.locator('rect').evaluate((rect) => getComputedStyle(rect).stroke);
    const focusColour = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--focus').trim());
    expect(stroke).toBe(`rgb(${[1, 3, 5].map((i) => parseInt(focusColour.slice(i, i + 2), 16)).join(', ')})`);
    const href = await focused.getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL(fixture.server.url((href ?? '').slice(BASE.length)));
    await page.context().close();
  });

  test('no accessibility violations in the graph sections, light and dark', async () => {
    for (const dark of [false, true]) {
      const page = await open('system:default/booking', { dark });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(
          { include: [['section[aria-labelledby="relations-heading"] figure'], ['section[aria-labelledby="system-diagram-heading"] figure']] },
          { resultTypes: ['violations'] },
        );
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, dark ? 'dark' : 'light').toEqual([]);
      await page.context().close();
    }
  });

  test('on a phone the drawing scrolls sideways rather than shrinking its text below 70%', async () => {
    const page = await open('system:default/booking', { width: 390 });
    for (const figure of await page.locator('figure.graph').all()) {
      const { rendered, natural } = await figure.locator('svg').evaluate((svg) => ({
        rendered: svg.getBoundingClientRect().width,
        natural: Number(svg.getAttribute('width')),
      }));
      expect(rendered / natural).toBeGreaterThanOrEqual(0.69);
    }
    await page.context().close();
  });
});

describe('system diagram', () => {
  test('a system page draws its parts in a frame, its domain above, linked', async () => {
    const system = entity('system:default/booking');
    const page = await open(system.ref);
    const diagram = page.locator('section[aria-labelledby="system-diagram-heading"] svg[role="group"]');
    expect(await diagram.getAttribute('aria-labelledby')).toBe('sd-t');
    expect(await diagram.locator('title#sd-t').textContent()).toBe(`System diagram of ${system.title}`);
    const linked = await diagram.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const parts = system.relations.filter((r) => r.type === 'hasPart' && r.exists).map((r) => `${BASE}${entity(r.target).path}`);
    const domain = `${BASE}${entity(system.domain ?? '').path}`;
    expect(linked.toSorted()).toEqual([...parts, domain].toSorted());
    await page.context().close();
  });

  test('a domain page draws its systems', async () => {
    const domain = entity('domain:default/transactions');
    const page = await open(domain.ref);
    const names = await page.locator('section[aria-labelledby="system-diagram-heading"] svg a text:last-child').allTextContents();
    const systems = domain.relations.filter((r) => r.type === 'hasPart').map((r) => entity(r.target).title ?? entity(r.target).name);
    expect(names.toSorted()).toEqual(systems.toSorted());
    await page.context().close();
  });
});
