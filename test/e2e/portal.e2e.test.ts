/**
 * What a user of the portal relies on, checked in a real browser against the
 * demo org built by `npm run build` (base `/`). Expected values come from the
 * PortalData the pages were rendered from, so editing the demo org does not
 * break these tests; the demo's deliberate problems (content/checkout-widget,
 * content/notification-service) are named on purpose.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { EntityRecord } from '../../src/entity-record/schema.ts';
import { useBrowserSession } from './browser-session.ts';

const session = useBrowserSession('/');
const open = session.open;

function entity(ref: string): EntityRecord {
  const found = session.fixture.data.entities.find((e) => e.ref === ref);
  if (!found) throw new Error(`The demo org has no ${ref}; the e2e tests use it as their example.`);
  return found;
}

/** Site-absolute URL of an entity's page, as it appears in an href. */
const pagePath = (ref: string) => `/${entity(ref).path}`;

async function followLink(page: Page, link: Locator, expectedPath: string): Promise<void> {
  await link.click();
  await page.waitForURL(session.fixture.server.url(expectedPath));
}

const hrefs = (links: Locator) => links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
const text = async (locator: Locator) => (await locator.textContent())?.trim();

/** The `<dd>` next to the `<dt>` labelled `label` in the entity's About facts. */
const fact = (page: Page, label: string) =>
  page
    .locator('dl.facts > div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');

/** Headings of the entity's relation groups, without their counts: "Provides API (2)" → "Provides API". */
const relationHeadings = async (page: Page) => (await page.locator('dl.relations dt').allTextContents()).map((t) => t.replace(/\s*\(\d+\)\s*$/, '').trim());

describe('home', () => {
  test('shows the org title and the number of entities of each kind; the Catalog nav link opens the catalog', async () => {
    const page = await open('');
    expect(await text(page.locator('h1'))).toBe(session.fixture.data.meta.title);
    expect(await text(page.locator('main .lead'))).toContain(session.fixture.data.meta.org);

    const expectedByKind: Record<string, number> = {};
    for (const e of session.fixture.data.entities) expectedByKind[e.kind] = (expectedByKind[e.kind] ?? 0) + 1;
    const shownByKind = await page
      .locator('section[aria-labelledby="catalog-heading"] a.stat')
      .evaluateAll((stats) =>
        Object.fromEntries(stats.map((s) => [s.querySelector('.stat-label')?.textContent?.trim() ?? '', Number(s.querySelector('.stat-number')?.textContent)])),
      );
    expect(shownByKind).toEqual(expectedByKind);

    await followLink(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog', exact: true }), 'catalog/');
    expect(await text(page.locator('h1'))).toBe('Catalog');
  });
});

describe('catalog', () => {
  test('without JavaScript, lists every entity page by page, with its columns, and opens an entity page', async () => {
    const noScript = await session.browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
    try {
      const page = await open('catalog/', noScript);
      const headers = (await page.locator('table.catalog-table thead th').allTextContents()).map((t) => t.replace(/[▲▼]/g, '').trim());
      expect(headers).toEqual(['Name', 'Kind', 'Type', 'Owner', 'System', 'Lifecycle', 'Description']);
      const linked: string[] = [];
      for (;;) {
        linked.push(...(await hrefs(page.locator(`table.catalog-table tbody th[scope="row"] a`))).filter((h): h is string => h !== null));
        const next = page.getByRole('link', { name: /Next/ });
        if ((await next.count()) === 0) break;
        await next.click();
        await page.waitForLoadState();
      }
      expect(linked.toSorted()).toEqual(session.fixture.data.entities.map((e) => `/${e.path}`).toSorted());

      await page.goto(session.fixture.server.url('catalog/'));
      const service = entity('component:default/booking-service');
      const row = page.locator('table.catalog-table tbody tr').filter({ has: page.locator(`th a[href="${pagePath(service.ref)}"]`) });
      const cells = row.locator('td');
      expect(await cells.nth(0).textContent()).toBe(service.kind);
      expect(await cells.nth(1).textContent()).toBe(service.type);
      expect(await hrefs(cells.nth(2).locator('a'))).toEqual([pagePath(service.owner ?? '')]);
      expect(await hrefs(cells.nth(3).locator('a'))).toEqual([pagePath(service.system ?? '')]);
      expect(await cells.nth(4).textContent()).toBe(service.lifecycle);
      expect(await cells.nth(5).textContent()).toContain(service.description ?? '');
      await followLink(page, row.locator('th a'), 'catalog/default/component/booking-service/');
      expect(await text(page.locator('h1'))).toBe(service.title);
    } finally {
      await noScript.close();
    }
  });

  test('filters by text and facets, sorts, keeps the state in the URL, and a shared URL shows the same view', async () => {
    const page = await open('catalog/');
    const status = page.locator('#explorer-status');
    // The table answers the state the status names; wait for it to catch up after each change.
    const settled = async (on: Page = page) =>
      expect.poll(() => on.locator('#explorer-status').textContent(), { timeout: 30_000 }).toMatch(/^\d+ entit(y|ies)/);
    const names = async (on: Page = page) => {
      await settled(on);
      return on.locator('table.catalog-table tbody th[scope="row"] a').allTextContents();
    };

    await page.getByRole('searchbox', { name: 'Filter' }).fill('booking');
    await expect.poll(() => status.textContent()).toMatch(/match/);
    const expected = session.fixture.data.entities.filter((e) =>
      JSON.stringify([e.name, e.title, e.description, e.tags, e.type, e.kind]).toLowerCase().includes('booking'),
    );
    expect(Number((await status.textContent())?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(expected.length);
    expect(new URL(page.url()).search).toBe('?q=booking');

    await page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /^API/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('kind')).toEqual(['API']);
    const apis = session.fixture.data.entities.filter((e) => e.kind === 'API' && expected.includes(e));
    await expect.poll(async () => (await names()).length).toBe(apis.length);
    expect(await page.locator('table.catalog-table tbody td:nth-child(2)').allTextContents()).toEqual(apis.map(() => 'API'));

    await page.getByRole('button', { name: /^Name/ }).click();
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('dir')).toBe('desc');
    const shown = await names();
    expect(shown).toEqual([...shown].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base', numeric: true })));

    // The URL is the view: opening it elsewhere shows the same rows.
    const shared = await session.context.newPage();
    await shared.goto(page.url());
    await expect.poll(() => names(shared), { timeout: 30_000 }).toEqual(shown);
    expect(await shared.getByRole('searchbox', { name: 'Filter' }).inputValue()).toBe('booking');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?sort=name&dir=desc');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^${session.fixture.data.entities.length} entities`));
  });

  test("the home page's kind counts open the catalog filtered to that kind", async () => {
    const page = await open('');
    await followLink(page, page.locator('a.stat').filter({ hasText: 'API' }), 'catalog/?kind=API');
    await expect
      .poll(() => page.locator('table.catalog-table tbody td:nth-child(2)').allTextContents())
      .toEqual(session.fixture.data.entities.filter((e) => e.kind === 'API').map(() => 'API'));
  });
});

describe('entity pages', () => {
  test('a component shows its kind, owner and relations under readable headings; its owner group lists what it owns and its members', async () => {
    const service = entity('component:default/booking-service');
    const page = await open(service.path);
    expect(await text(page.locator('h1'))).toBe(service.title);
    expect(await text(fact(page, 'Kind'))).toBe('Component');

    const headings = await relationHeadings(page);
    expect(headings).toEqual(expect.arrayContaining(['Owned by', 'Part of', 'Provides API', 'Consumes API', 'Depends on']));
    expect(headings).toHaveLength(new Set(service.relations.map((r) => r.type)).size);
    const providesApi = page.locator('dl.relations > div').filter({ has: page.locator('dt', { hasText: /^Provides API/ }) });
    const providedRefs = service.relations.filter((r) => r.type === 'providesApi').map((r) => r.target);
    expect(providedRefs).toContain('api:default/booking-api');
    expect((await hrefs(providesApi.locator('a'))).toSorted()).toEqual(providedRefs.map(pagePath).toSorted());

    // Follow the owner relation to the group page.
    const group = entity(service.owner ?? '');
    const ownerLink = fact(page, 'Owner').locator('a');
    const groupName = await text(ownerLink);
    await followLink(page, ownerLink, group.path);
    expect(await text(page.locator('h1'))).toBe(groupName);

    const owned = session.fixture.data.entities.filter((e) => e.owner === group.ref);
    const byKind = new Map<string, number>();
    for (const e of owned) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    const ownsSection = page.locator('section[aria-labelledby="owns-heading"]');
    expect(await ownsSection.locator('h3').allTextContents()).toEqual(
      [...byKind.keys()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).map((kind) => `${kind} (${byKind.get(kind)})`),
    );
    expect((await hrefs(ownsSection.locator('a'))).toSorted()).toEqual(owned.map((e) => `/${e.path}`).toSorted());

    const members = page.locator('section[aria-labelledby="hasMember-heading"] a');
    const memberRefs = group.relations.filter((r) => r.type === 'hasMember').map((r) => r.target);
    expect(memberRefs.length).toBeGreaterThan(0);
    expect((await hrefs(members)).toSorted()).toEqual(memberRefs.map(pagePath).toSorted());

    // Follow a member to their user page, which links back to the group.
    const member = members.first();
    const memberName = await text(member);
    const memberPath = (await member.getAttribute('href')) ?? '';
    await followLink(page, member, memberPath.slice(1));
    expect(await text(page.locator('h1'))).toBe(memberName);
    expect(await text(fact(page, 'Kind'))).toBe('User');
    expect(await hrefs(page.locator('section[aria-labelledby="memberOf-heading"] a'))).toContain(`/${group.path}`);
  });

  test('an API summarizes its definition, links to the full definition page, and names the component that provides it', async () => {
    const api = entity('api:default/booking-api');
    const definition = api.kind === 'API' ? api.spec.definition : '';
    expect(definition).toMatch(/^openapi:/);
    const page = await open(api.path);
    expect(await text(page.locator('h1'))).toBe(api.title);
    const summary = page.locator('section[aria-labelledby="definition-heading"]');
    expect(await text(summary.locator('.api-headline'))).toMatch(/OpenAPI 3\.0\.3 · \d+ operations · \d+ schemas$/);
    expect(await hrefs(summary.locator('.api-summary-list a'))).toContain(`/${api.path}definition/#op-createBooking`);
    expect(await relationHeadings(page)).toContain('API provided by');
    expect(await hrefs(page.locator('dl.relations a'))).toContain(pagePath('component:default/booking-service'));

    await followLink(page, summary.getByRole('link', { name: 'View the full definition' }), `${api.path}definition/`);
    expect(await text(page.locator('#op-createBooking .api-path'))).toBe('/v1/bookings');
    expect(await page.locator('#schema-Booking').count()).toBe(1);
    // The source, highlighted, is the definition itself.
    const source = await page.locator('section[aria-labelledby="api-source"] pre code').textContent();
    expect(source?.trimEnd()).toBe(definition.trimEnd());
  });

  test('work with JavaScript disabled: relations are in the HTML and links navigate', async () => {
    const noScript = await session.browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
    try {
      const service = entity('component:default/booking-service');
      const page = await open(service.path, noScript);
      expect(await relationHeadings(page)).toEqual(expect.arrayContaining(['Owned by', 'Provides API']));
      expect(await hrefs(page.locator('dl.relations a'))).toContain(pagePath('api:default/booking-api'));
      await followLink(page, fact(page, 'Owner').locator('a'), entity(service.owner ?? '').path);
      expect(await page.locator('section[aria-labelledby="owns-heading"] h3').count()).toBeGreaterThan(0);
    } finally {
      await noScript.close();
    }
  });
});

describe('diagnostics', () => {
  const severityCounts = async (page: Page) =>
    Object.fromEntries(
      await page
        .locator('ul[aria-label="Counts by severity"] .stat')
        .evaluateAll((stats) =>
          stats.map((s) => [s.querySelector('.stat-label')?.textContent?.trim().replace(/s$/, '') ?? '', Number(s.querySelector('.stat-number')?.textContent)]),
        ),
    );
  const row = (page: Page, repo: string, rule: string) =>
    page
      .locator('section.diag-repo')
      .filter({ has: page.locator('h2', { hasText: new RegExp(`^${repo}\\b`) }) })
      .locator('tbody tr')
      .filter({ has: page.locator('code', { hasText: new RegExp(`^${rule}$`) }) });

  test('lists the deliberate error and dangling-reference warning with file, line and column, counts at the top', async () => {
    const page = await open('diagnostics/');
    const expected = { error: 0, warning: 0, info: 0 };
    for (const d of session.fixture.data.diagnostics) expected[d.severity]++;
    expect(await severityCounts(page)).toEqual(expected);

    const missingOwner = session.fixture.data.diagnostics.find((d) => d.repo === 'checkout-widget' && d.rule === 'spec-field-required');
    expect(missingOwner?.severity).toBe('error');
    const errorRow = row(page, 'checkout-widget', 'spec-field-required');
    expect(await errorRow.count()).toBe(1);
    const [severity, location] = await errorRow.locator('td').allTextContents();
    expect(severity).toBe('error');
    expect(location).toMatch(/^catalog-info\.yaml:\d+:\d+$/);
    expect(location).toBe(`${missingOwner?.path}:${missingOwner?.line}:${missingOwner?.column}`);
    expect(await text(errorRow.locator('.message'))).toContain('spec.owner');

    const dangling = row(page, 'notification-service', 'ref-not-found');
    expect(await dangling.count()).toBe(1);
    expect(await text(dangling.locator('.badge'))).toBe('warning');
    expect(await text(dangling.locator('td').nth(1))).toMatch(/^catalog-info\.yaml:\d+:\d+$/);
    expect(await text(dangling.locator('.message'))).toContain('resource:default/sms-provider');
  });
});

describe('not found', () => {
  test('an unknown URL gets the 404 page with a link home', async () => {
    const page = await session.context.newPage();
    const response = await page.goto(session.fixture.server.url('catalog/default/component/no-such-thing/'));
    expect(response?.status()).toBe(404);
    expect(await text(page.locator('h1'))).toBe('Page not found');
    await followLink(page, page.locator('main').getByRole('link', { name: 'Home' }), '');
    expect(await text(page.locator('h1'))).toBe(session.fixture.data.meta.title);
  });
});

describe('search', () => {
  test('the Pagefind index finds an entity page by its title', async () => {
    const page = await open('');
    const service = entity('component:default/booking-service');
    // A string, not a function: vitest rewrites `import()` in test code, and this one must run in the page.
    const urls = await page.evaluate<string[]>(`(async () => {
      const pagefind = await import(${JSON.stringify(session.fixture.server.url('pagefind/pagefind.js'))});
      const found = await pagefind.search(${JSON.stringify(service.title ?? service.name)});
      return Promise.all(found.results.slice(0, 5).map(async (result) => (await result.data()).url));
    })()`);
    expect(urls).toContain(`/${service.path}`);
  });
});
